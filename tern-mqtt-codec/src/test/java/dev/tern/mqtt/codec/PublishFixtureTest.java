package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.assertFixture;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;
import static dev.tern.mqtt.codec.BytesFixtures.payload;
import static dev.tern.mqtt.codec.BytesFixtures.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Byte fixtures for PUBLISH (section 3.3), both directions. */
@DisplayName("PUBLISH fixtures")
class PublishFixtureTest {

    private static PublishPacket publish(
            boolean dup,
            MqttQos qos,
            boolean retain,
            String topic,
            int packetId,
            MqttProperties properties,
            ByteBuf p) {
        return new PublishPacket(dup, qos, retain, topic, packetId, properties, p);
    }

    @Nested
    @DisplayName("MQTT 3.1")
    class V31 {
        @Test
        void qos0() {
            byte[] fixture = concat(
                    bytes(0x30), // PUBLISH, flags: DUP 0, QoS 0, RETAIN 0
                    bytes(0x07), // remaining length 7
                    bytes(0x00, 0x03, 'a', '/', 'b'), // topic name "a/b"
                    bytes('h', 'i') // payload "hi"
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V3_1,
                    fixture,
                    publish(false, MqttQos.AT_MOST_ONCE, false, "a/b", 0, MqttProperties.EMPTY, payload("hi")));
        }

        @Test
        void qos1() {
            byte[] fixture = concat(
                    bytes(0x32), // PUBLISH, flags: DUP 0, QoS 1, RETAIN 0
                    bytes(0x09), // remaining length 9
                    bytes(0x00, 0x03, 'a', '/', 'b'), // topic name "a/b"
                    bytes(0x00, 0x01), // packet identifier 1
                    bytes('h', 'i') // payload "hi"
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V3_1,
                    fixture,
                    publish(false, MqttQos.AT_LEAST_ONCE, false, "a/b", 1, MqttProperties.EMPTY, payload("hi")));
        }

        @Test
        void qos2DuplicateRetained() {
            byte[] fixture = concat(
                    bytes(0x3D), // PUBLISH, flags: DUP 1, QoS 2, RETAIN 1
                    bytes(0x09), // remaining length 9
                    bytes(0x00, 0x03, 'a', '/', 'b'), // topic name "a/b"
                    bytes(0x12, 0x34), // packet identifier 0x1234
                    bytes('h', 'i') // payload "hi"
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V3_1,
                    fixture,
                    publish(true, MqttQos.EXACTLY_ONCE, true, "a/b", 0x1234, MqttProperties.EMPTY, payload("hi")));
        }
    }

    @Nested
    @DisplayName("MQTT 3.1.1")
    class V311 {
        @Test
        void qos0RetainedWithEmptyPayload() {
            byte[] fixture = concat(
                    bytes(0x31), // PUBLISH, flags: DUP 0, QoS 0, RETAIN 1
                    bytes(0x05), // remaining length 5
                    bytes(0x00, 0x03, 'a', '/', 'b') // topic name "a/b"; empty payload (clears a retained message)
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V3_1_1,
                    fixture,
                    publish(false, MqttQos.AT_MOST_ONCE, true, "a/b", 0, MqttProperties.EMPTY, payload("")));
        }

        @Test
        void qos1Duplicate() {
            byte[] fixture = concat(
                    bytes(0x3A), // PUBLISH, flags: DUP 1, QoS 1, RETAIN 0
                    bytes(0x09), // remaining length 9
                    bytes(0x00, 0x03, 'a', '/', 'b'), // topic name "a/b"
                    bytes(0x00, 0x0A), // packet identifier 10
                    bytes('o', 'n') // payload "on"
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V3_1_1,
                    fixture,
                    publish(true, MqttQos.AT_LEAST_ONCE, false, "a/b", 10, MqttProperties.EMPTY, payload("on")));
        }

        @Test
        void qos2() {
            byte[] fixture = concat(
                    bytes(0x34), // PUBLISH, flags: DUP 0, QoS 2, RETAIN 0
                    bytes(0x09), // remaining length 9
                    bytes(0x00, 0x03, 'a', '/', 'b'), // topic name "a/b"
                    bytes(0xFF, 0xFF), // packet identifier 65535
                    bytes('o', 'n') // payload "on"
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V3_1_1,
                    fixture,
                    publish(false, MqttQos.EXACTLY_ONCE, false, "a/b", 65535, MqttProperties.EMPTY, payload("on")));
        }

        @Test
        void nonAsciiTopic() {
            byte[] fixture = concat(
                    bytes(0x30), // PUBLISH, flags: DUP 0, QoS 0, RETAIN 0
                    bytes(0x15), // remaining length 21
                    bytes(0x00, 0x11), // topic name length 17
                    bytes('c', 'a', 'f', 0xC3, 0xA9), // "café" (é is C3 A9)
                    bytes('/'), // level separator
                    bytes(0xE6, 0x97, 0xA5, 0xE6, 0x9C, 0xAC), // "日本"
                    bytes('/'), // level separator
                    bytes(0xF0, 0x9F, 0x98, 0x80), // "😀" (U+1F600, four bytes)
                    bytes('o', 'k') // payload "ok"
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V3_1_1,
                    fixture,
                    publish(false, MqttQos.AT_MOST_ONCE, false, "café/日本/😀", 0, MqttProperties.EMPTY, payload("ok")));
        }

        @Test
        void largePayloadIsSharedNotCopied() {
            byte[] fixture = concat(
                    concat(
                            bytes(0x30), // PUBLISH, flags: DUP 0, QoS 0, RETAIN 0
                            bytes(0xAD, 0x46), // remaining length 9005 (0x2D + 0x46 * 128), two bytes
                            bytes(0x00, 0x03, 'b', 'i', 'g') // topic name "big"
                            ),
                    repeat('z', 9000) // payload: 9000 x 'z', above the copy threshold of 8192
                    );
            PublishPacket expected = publish(
                    false, MqttQos.AT_MOST_ONCE, false, "big", 0, MqttProperties.EMPTY, payload(repeat('z', 9000)));
            ByteBuf encoded = new MqttEncoder().encode(BytesFixtures.ALLOC, expected, MqttVersion.V3_1_1);
            try {
                assertThat(encoded).isInstanceOf(CompositeByteBuf.class);
            } finally {
                encoded.release();
            }
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V3_1_1, fixture, expected);
        }
    }

    @Nested
    @DisplayName("MQTT 5.0")
    class V5 {
        @Test
        void qos0WithoutProperties() {
            byte[] fixture = concat(
                    bytes(0x30), // PUBLISH, flags: DUP 0, QoS 0, RETAIN 0
                    bytes(0x08), // remaining length 8
                    bytes(0x00, 0x03, 'a', '/', 'b'), // topic name "a/b"
                    bytes(0x00), // property length 0
                    bytes('h', 'i') // payload "hi"
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    publish(false, MqttQos.AT_MOST_ONCE, false, "a/b", 0, MqttProperties.EMPTY, payload("hi")));
        }

        @Test
        void qos1WithEveryPublishProperty() {
            byte[] fixture = concat(
                    bytes(0x32), // PUBLISH, flags: DUP 0, QoS 1, RETAIN 0
                    bytes(0x44), // remaining length 68
                    bytes(0x00, 0x03, 's', '/', 't'), // topic name "s/t"
                    bytes(0x00, 0x0A), // packet identifier 10
                    bytes(0x38), // property length 56
                    bytes(0x01, 0x01), // payload format indicator 1 (UTF-8)
                    bytes(0x02, 0x00, 0x00, 0x00, 0x3C), // message expiry interval 60 s
                    bytes(0x03), // property: content type
                    bytes(0x00, 0x0A, 't', 'e', 'x', 't', '/', 'p', 'l', 'a', 'i', 'n'), // value "text/plain"
                    bytes(0x08, 0x00, 0x07, 'r', 'e', 'p', 'l', 'y', '/', '1'), // response topic "reply/1"
                    bytes(0x09, 0x00, 0x04, 0x01, 0x02, 0x03, 0x04), // correlation data 01 02 03 04
                    bytes(0x23, 0x00, 0x07), // topic alias 7
                    bytes(0x26, 0x00, 0x01, 'k', 0x00, 0x02, 'v', '1'), // user property "k" = "v1"
                    bytes(0x26, 0x00, 0x01, 'k', 0x00, 0x02, 'v', '2'), // user property "k" = "v2" (same name again)
                    bytes('2', '1', '.', '5') // payload "21.5"
                    );
            MqttProperties properties = MqttProperties.builder()
                    .put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                    .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, 60)
                    .put(PropertyId.CONTENT_TYPE, "text/plain")
                    .put(PropertyId.RESPONSE_TOPIC, "reply/1")
                    .put(PropertyId.CORRELATION_DATA, new BinaryData(bytes(1, 2, 3, 4)))
                    .put(PropertyId.TOPIC_ALIAS, 7)
                    .addUserProperty("k", "v1")
                    .addUserProperty("k", "v2")
                    .build();
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    publish(false, MqttQos.AT_LEAST_ONCE, false, "s/t", 10, properties, payload("21.5")));
        }

        @Test
        void qos2ToClientWithTwoSubscriptionIdentifiers() {
            byte[] fixture = concat(
                    bytes(0x35), // PUBLISH, flags: DUP 0, QoS 2, RETAIN 1
                    bytes(0x0D), // remaining length 13
                    bytes(0x00, 0x03, 'x', '/', 'y'), // topic name "x/y"
                    bytes(0xFF, 0xFF), // packet identifier 65535
                    bytes(0x05), // property length 5
                    bytes(0x0B, 0x01), // subscription identifier 1
                    bytes(0x0B, 0xAC, 0x02) // subscription identifier 300 (variable byte integer AC 02)
                    // empty payload
                    );
            MqttProperties properties = MqttProperties.builder()
                    .addSubscriptionIdentifier(1)
                    .addSubscriptionIdentifier(300)
                    .build();
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    publish(false, MqttQos.EXACTLY_ONCE, true, "x/y", 65535, properties, payload("")));
        }

        @Test
        void emptyTopicWithTopicAlias() {
            byte[] fixture = concat(
                    bytes(0x30), // PUBLISH, flags: DUP 0, QoS 0, RETAIN 0
                    bytes(0x07), // remaining length 7
                    bytes(0x00, 0x00), // topic name "" (the topic alias stands for it)
                    bytes(0x03), // property length 3
                    bytes(0x23, 0x00, 0x07), // topic alias 7
                    bytes('x') // payload "x"
                    );
            MqttProperties properties =
                    MqttProperties.builder().put(PropertyId.TOPIC_ALIAS, 7).build();
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    publish(false, MqttQos.AT_MOST_ONCE, false, "", 0, properties, payload("x")));
        }
    }
}
