package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.assertFixture;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Byte fixtures for PUBACK, PUBREC, PUBREL and PUBCOMP (sections 3.4 to 3.7). */
@DisplayName("PUBACK / PUBREC / PUBREL / PUBCOMP fixtures")
class PubAckFamilyFixtureTest {

    @Nested
    @DisplayName("MQTT 3.1 and 3.1.1")
    class V3 {
        @ParameterizedTest
        @EnumSource(
                value = MqttVersion.class,
                names = {"V3_1", "V3_1_1"})
        void puback(MqttVersion version) {
            byte[] fixture = concat(
                    bytes(0x40), // PUBACK, flags 0
                    bytes(0x02), // remaining length 2
                    bytes(0x00, 0x01) // packet identifier 1
                    );
            assertFixture(Direction.CLIENT_TO_SERVER, version, fixture, PubAckPacket.of(1));
            assertFixture(Direction.SERVER_TO_CLIENT, version, fixture, PubAckPacket.of(1));
        }

        @ParameterizedTest
        @EnumSource(
                value = MqttVersion.class,
                names = {"V3_1", "V3_1_1"})
        void pubrec(MqttVersion version) {
            byte[] fixture = concat(
                    bytes(0x50), // PUBREC, flags 0
                    bytes(0x02), // remaining length 2
                    bytes(0x01, 0x00) // packet identifier 256
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    version,
                    fixture,
                    new PubRecPacket(256, ReasonCode.SUCCESS, MqttProperties.EMPTY));
        }

        @ParameterizedTest
        @EnumSource(
                value = MqttVersion.class,
                names = {"V3_1", "V3_1_1"})
        void pubrel(MqttVersion version) {
            byte[] fixture = concat(
                    bytes(0x62), // PUBREL, flags 0b0010 (required) [MQTT-3.6.1-1]
                    bytes(0x02), // remaining length 2
                    bytes(0x01, 0x00) // packet identifier 256
                    );
            assertFixture(Direction.CLIENT_TO_SERVER, version, fixture, PubRelPacket.of(256));
        }

        @ParameterizedTest
        @EnumSource(
                value = MqttVersion.class,
                names = {"V3_1", "V3_1_1"})
        void pubcomp(MqttVersion version) {
            byte[] fixture = concat(
                    bytes(0x70), // PUBCOMP, flags 0
                    bytes(0x02), // remaining length 2
                    bytes(0xFF, 0xFF) // packet identifier 65535
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    version,
                    fixture,
                    new PubCompPacket(65535, ReasonCode.SUCCESS, MqttProperties.EMPTY));
        }
    }

    @Nested
    @DisplayName("MQTT 5.0")
    class V5 {
        @Test
        void pubackShortFormImpliesSuccess() {
            byte[] fixture = concat(
                    bytes(0x40), // PUBACK, flags 0
                    bytes(0x02), // remaining length 2: reason code 0x00 and no properties implied
                    bytes(0x00, 0x05) // packet identifier 5
                    );
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V5, fixture, PubAckPacket.of(5));
        }

        @Test
        void pubackWithReasonCodeOnly() {
            byte[] fixture = concat(
                    bytes(0x40), // PUBACK, flags 0
                    bytes(0x03), // remaining length 3: no property length, properties empty
                    bytes(0x00, 0x05), // packet identifier 5
                    bytes(0x10) // reason code 0x10 no matching subscribers
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new PubAckPacket(5, ReasonCode.NO_MATCHING_SUBSCRIBERS, MqttProperties.EMPTY));
        }

        @Test
        void pubackWithReasonCodeAndProperties() {
            byte[] fixture = concat(
                    bytes(0x40), // PUBACK, flags 0
                    bytes(0x0C), // remaining length 12
                    bytes(0x00, 0x05), // packet identifier 5
                    bytes(0x99), // reason code 0x99 payload format invalid
                    bytes(0x08), // property length 8
                    bytes(0x1F, 0x00, 0x05, 'u', 't', 'f', '-', '8') // reason string "utf-8"
                    );
            MqttProperties properties = MqttProperties.builder()
                    .put(PropertyId.REASON_STRING, "utf-8")
                    .build();
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new PubAckPacket(5, ReasonCode.PAYLOAD_FORMAT_INVALID, properties));
        }

        @Test
        void pubrecShortForm() {
            byte[] fixture = concat(
                    bytes(0x50), // PUBREC, flags 0
                    bytes(0x02), // remaining length 2: success, no properties
                    bytes(0x00, 0x06) // packet identifier 6
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    new PubRecPacket(6, ReasonCode.SUCCESS, MqttProperties.EMPTY));
        }

        @Test
        void pubrecWithReasonCodeOnly() {
            byte[] fixture = concat(
                    bytes(0x50), // PUBREC, flags 0
                    bytes(0x03), // remaining length 3
                    bytes(0x00, 0x06), // packet identifier 6
                    bytes(0x97) // reason code 0x97 quota exceeded
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new PubRecPacket(6, ReasonCode.QUOTA_EXCEEDED, MqttProperties.EMPTY));
        }

        @Test
        void pubrecWithReasonCodeAndProperties() {
            byte[] fixture = concat(
                    bytes(0x50), // PUBREC, flags 0
                    bytes(0x12), // remaining length 18
                    bytes(0x00, 0x06), // packet identifier 6
                    bytes(0x80), // reason code 0x80 unspecified error
                    bytes(0x0E), // property length 14
                    bytes(0x1F, 0x00, 0x04, 'f', 'u', 'l', 'l'), // reason string "full"
                    bytes(0x26, 0x00, 0x01, 'a', 0x00, 0x01, 'b') // user property "a" = "b"
                    );
            MqttProperties properties = MqttProperties.builder()
                    .put(PropertyId.REASON_STRING, "full")
                    .addUserProperty("a", "b")
                    .build();
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    new PubRecPacket(6, ReasonCode.UNSPECIFIED_ERROR, properties));
        }

        @Test
        void pubrelShortForm() {
            byte[] fixture = concat(
                    bytes(0x62), // PUBREL, flags 0b0010
                    bytes(0x02), // remaining length 2: success, no properties
                    bytes(0x00, 0x07) // packet identifier 7
                    );
            assertFixture(Direction.SERVER_TO_CLIENT, MqttVersion.V5, fixture, PubRelPacket.of(7));
        }

        @Test
        void pubrelWithReasonCodeOnly() {
            byte[] fixture = concat(
                    bytes(0x62), // PUBREL, flags 0b0010
                    bytes(0x03), // remaining length 3
                    bytes(0x00, 0x07), // packet identifier 7
                    bytes(0x92) // reason code 0x92 packet identifier not found
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    new PubRelPacket(7, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, MqttProperties.EMPTY));
        }

        @Test
        void pubrelWithReasonCodeAndProperties() {
            byte[] fixture = concat(
                    bytes(0x62), // PUBREL, flags 0b0010
                    bytes(0x0B), // remaining length 11
                    bytes(0x00, 0x07), // packet identifier 7
                    bytes(0x92), // reason code 0x92 packet identifier not found
                    bytes(0x07), // property length 7
                    bytes(0x26, 0x00, 0x01, 'x', 0x00, 0x01, 'y') // user property "x" = "y"
                    );
            MqttProperties properties =
                    MqttProperties.builder().addUserProperty("x", "y").build();
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    new PubRelPacket(7, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, properties));
        }

        @Test
        void pubcompShortForm() {
            byte[] fixture = concat(
                    bytes(0x70), // PUBCOMP, flags 0
                    bytes(0x02), // remaining length 2: success, no properties
                    bytes(0x00, 0x08) // packet identifier 8
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new PubCompPacket(8, ReasonCode.SUCCESS, MqttProperties.EMPTY));
        }

        @Test
        void pubcompWithReasonCodeOnly() {
            byte[] fixture = concat(
                    bytes(0x70), // PUBCOMP, flags 0
                    bytes(0x03), // remaining length 3
                    bytes(0x00, 0x08), // packet identifier 8
                    bytes(0x92) // reason code 0x92 packet identifier not found
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    new PubCompPacket(8, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, MqttProperties.EMPTY));
        }

        @Test
        void pubcompSuccessWithProperties() {
            byte[] fixture = concat(
                    bytes(0x70), // PUBCOMP, flags 0
                    bytes(0x09), // remaining length 9
                    bytes(0x00, 0x08), // packet identifier 8
                    bytes(0x00), // reason code 0x00 success (written because properties follow)
                    bytes(0x05), // property length 5
                    bytes(0x1F, 0x00, 0x02, 'o', 'k') // reason string "ok"
                    );
            MqttProperties properties =
                    MqttProperties.builder().put(PropertyId.REASON_STRING, "ok").build();
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new PubCompPacket(8, ReasonCode.SUCCESS, properties));
        }
    }
}
