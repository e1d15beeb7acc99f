package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.accept;
import static dev.tern.mqtt.codec.BytesFixtures.assertAccepted;
import static dev.tern.mqtt.codec.BytesFixtures.assertRejected;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.client;
import static dev.tern.mqtt.codec.BytesFixtures.concat;
import static dev.tern.mqtt.codec.BytesFixtures.packet;
import static dev.tern.mqtt.codec.BytesFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** PUBLISH header rules (section 3.3.1) and Packet Identifier rules (2.2.1). */
@DisplayName("PUBLISH QoS / DUP and packet identifier rules")
class PacketIdentifierAndQosRuleTest {

    private static MqttDecoder receiver(Direction direction, MqttVersion version) {
        return direction == Direction.CLIENT_TO_SERVER ? server(version) : client(version);
    }

    @Tag("MQTT-3.3.1-4")
    @ParameterizedTest(name = "PUBLISH with QoS 3 in {0} is malformed")
    @EnumSource(MqttVersion.class)
    void publishWithQos3IsMalformed(MqttVersion version) {
        byte[] publish = concat(
                bytes(0x36), // PUBLISH, flags: DUP 0, QoS 3 (both bits set), RETAIN 0
                bytes(0x05), // remaining length 5
                bytes(0x00, 0x01, 't'), // topic name "t"
                bytes(0x00, 0x01) // packet identifier 1
                );
        assertRejected(server(version), publish, ReasonCode.MALFORMED_PACKET, "MQTT-3.3.1-4");
        assertRejected(client(version), publish, ReasonCode.MALFORMED_PACKET, "MQTT-3.3.1-4");
    }

    @Tag("MQTT-3.3.1-4")
    @Test
    void publishWithQos2Decodes() {
        byte[] publish = concat(
                bytes(0x34), // PUBLISH, flags: DUP 0, QoS 2, RETAIN 0
                bytes(0x05), // remaining length 5
                bytes(0x00, 0x01, 't'), // topic name "t"
                bytes(0x00, 0x01) // packet identifier 1
                );
        assertAccepted(server(MqttVersion.V3_1_1), publish, PacketType.PUBLISH);
    }

    @Tag("MQTT-3.3.1-2")
    @ParameterizedTest(name = "PUBLISH with DUP and QoS 0 in {0} is malformed")
    @EnumSource(MqttVersion.class)
    void publishWithDupAndQos0IsMalformed(MqttVersion version) {
        byte[] publish = packet(
                0x38, // PUBLISH, flags: DUP 1, QoS 0, RETAIN 0
                bytes(0x00, 0x01, 't'), // topic name "t"
                version.isV5() ? bytes(0x00) : bytes() // property length 0 (5.0 only)
                );
        assertRejected(server(version), publish, ReasonCode.MALFORMED_PACKET, "MQTT-3.3.1-2");
        assertRejected(client(version), publish, ReasonCode.MALFORMED_PACKET, "MQTT-3.3.1-2");
    }

    @Tag("MQTT-3.3.1-2")
    @Test
    void publishWithDupAndQos1Decodes() {
        byte[] publish = concat(
                bytes(0x3A), // PUBLISH, flags: DUP 1, QoS 1, RETAIN 0
                bytes(0x05), // remaining length 5
                bytes(0x00, 0x01, 't'), // topic name "t"
                bytes(0x00, 0x01) // packet identifier 1
                );
        MqttPacket packet = accept(server(MqttVersion.V3_1_1), publish);
        try {
            assertThat(((PublishPacket) packet).dup()).isTrue();
        } finally {
            BytesFixtures.release(packet);
        }
    }

    /**
     * Every packet that carries a Packet Identifier, in each direction it travels, as (name, direction, version, packet
     * with identifier {@code id}).
     */
    static Stream<Arguments> packetsWithIdentifier() {
        return Stream.of(MqttVersion.values()).flatMap(version -> {
            byte[] props = version.isV5() ? bytes(0x00) : bytes(); // property length 0 (5.0 only)
            return Stream.of(
                    Arguments.of("PUBLISH QoS 1", Direction.CLIENT_TO_SERVER, version, 0x32, new byte[][] {
                        bytes(0x00, 0x01, 't') /* topic "t" */, null /* id */, props
                    }),
                    Arguments.of("PUBLISH QoS 2", Direction.CLIENT_TO_SERVER, version, 0x34, new byte[][] {
                        bytes(0x00, 0x01, 't') /* topic "t" */, null /* id */, props
                    }),
                    Arguments.of("PUBLISH QoS 1 to a client", Direction.SERVER_TO_CLIENT, version, 0x32, new byte[][] {
                        bytes(0x00, 0x01, 't') /* topic "t" */, null /* id */, props
                    }),
                    Arguments.of("PUBACK", Direction.CLIENT_TO_SERVER, version, 0x40, new byte[][] {null /* id */}),
                    Arguments.of("PUBREC", Direction.SERVER_TO_CLIENT, version, 0x50, new byte[][] {null /* id */}),
                    Arguments.of("PUBREL", Direction.CLIENT_TO_SERVER, version, 0x62, new byte[][] {null /* id */}),
                    Arguments.of("PUBCOMP", Direction.SERVER_TO_CLIENT, version, 0x70, new byte[][] {null /* id */}),
                    Arguments.of("SUBSCRIBE", Direction.CLIENT_TO_SERVER, version, 0x82, new byte[][] {
                        null /* id */, props, bytes(0x00, 0x01, 'a', 0x00) /* filter "a", QoS 0 */
                    }),
                    Arguments.of("SUBACK", Direction.SERVER_TO_CLIENT, version, 0x90, new byte[][] {
                        null /* id */, props, bytes(0x00) /* granted QoS 0 */
                    }),
                    Arguments.of("UNSUBSCRIBE", Direction.CLIENT_TO_SERVER, version, 0xA2, new byte[][] {
                        null /* id */, props, bytes(0x00, 0x01, 'a') /* filter "a" */
                    }),
                    Arguments.of("UNSUBACK", Direction.SERVER_TO_CLIENT, version, 0xB0, new byte[][] {
                        null /* id */, props, version.isV5() ? bytes(0x00) /* reason code success */ : bytes()
                    }));
        });
    }

    /** The packet with {@code id} in place of the {@code null} part. */
    private static byte[] withId(int firstByte, byte[][] parts, int id) {
        byte[][] body = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            body[i] = parts[i] == null ? bytes(id >> 8, id & 0xFF) : parts[i];
        }
        return packet(firstByte, body);
    }

    @Tag("MQTT-2.2.1-3")
    @Tag("MQTT-2.3.1-1")
    @ParameterizedTest(name = "{0} with packet identifier 0 in {2} is malformed")
    @MethodSource("packetsWithIdentifier")
    void packetIdentifierZeroIsMalformed(
            String name, Direction direction, MqttVersion version, int firstByte, byte[][] parts) {
        assertRejected(
                receiver(direction, version), withId(firstByte, parts, 0), ReasonCode.MALFORMED_PACKET, "MQTT-2.2.1-3");
    }

    @Tag("MQTT-2.2.1-3")
    @Tag("MQTT-2.3.1-1")
    @ParameterizedTest(name = "{0} with packet identifier 1 and 65535 in {2} decodes")
    @MethodSource("packetsWithIdentifier")
    void nonZeroPacketIdentifierDecodes(
            String name, Direction direction, MqttVersion version, int firstByte, byte[][] parts) {
        for (int id : new int[] {1, 65535}) {
            MqttPacket packet = accept(receiver(direction, version), withId(firstByte, parts, id));
            BytesFixtures.release(packet);
        }
    }
}
