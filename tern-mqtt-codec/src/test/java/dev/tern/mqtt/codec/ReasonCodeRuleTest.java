package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.accept;
import static dev.tern.mqtt.codec.BytesFixtures.assertRejected;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.client;
import static dev.tern.mqtt.codec.BytesFixtures.concat;
import static dev.tern.mqtt.codec.BytesFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reason codes and return codes (5.0 section 2.4 and the table of each acknowledgement; 3.1.1 sections 3.2.2.3 and
 * 3.9.3), and the CONNACK acknowledge flags (3.2.2.1).
 */
@DisplayName("reason code and CONNACK rules")
class ReasonCodeRuleTest {

    /** A 5.0 packet of the form: header, remaining length, [packet id], reason code (no properties). */
    private static byte[] withReasonCode(PacketType type, int reasonCode) {
        return switch (type) {
            case PUBACK, PUBREC, PUBREL, PUBCOMP ->
                concat(
                        bytes(type.code() << 4 | type.requiredFlags()), // the acknowledgement, required flags
                        bytes(0x03), // remaining length 3
                        bytes(0x00, 0x01), // packet identifier 1
                        bytes(reasonCode) // reason code
                        );
            case DISCONNECT, AUTH ->
                concat(
                        bytes(type.code() << 4), // DISCONNECT or AUTH, flags 0
                        bytes(0x01), // remaining length 1
                        bytes(reasonCode) // reason code
                        );
            case CONNACK ->
                concat(
                        bytes(0x20), // CONNACK
                        bytes(0x03), // remaining length 3
                        bytes(0x00), // acknowledge flags
                        bytes(reasonCode), // reason code
                        bytes(0x00) // property length 0
                        );
            case SUBACK, UNSUBACK ->
                concat(
                        bytes(type.code() << 4), // SUBACK or UNSUBACK, flags 0
                        bytes(0x04), // remaining length 4
                        bytes(0x00, 0x01), // packet identifier 1
                        bytes(0x00), // property length 0
                        bytes(reasonCode) // reason code for the one filter
                        );
            default -> throw new IllegalArgumentException(type + " has no reason code");
        };
    }

    @Tag("2.4")
    @ParameterizedTest(name = "{0} with reason code 0x{1} (sent by {2}) is a protocol error")
    @CsvSource({
        "PUBACK, 8E, client",
        "PUBACK, 05, server",
        "PUBACK, 92, client",
        "PUBREC, 11, server",
        "PUBREL, 10, client",
        "PUBREL, 80, server",
        "PUBCOMP, 80, client",
        "PUBCOMP, 97, server",
        "DISCONNECT, 84, client",
        "DISCONNECT, 01, server",
        "DISCONNECT, 91, server",
        "AUTH, 87, client",
        "AUTH, 04, server",
        "CONNACK, 10, server",
        "CONNACK, 8E, server",
        "SUBACK, 11, server",
        "SUBACK, 03, server",
        "UNSUBACK, 97, server",
        "UNSUBACK, 02, server"
    })
    void reasonCodeNotAllowedForThePacketIsAProtocolError(PacketType type, String hex, String sender) {
        MqttDecoder receiver = sender.equals("client") ? server(MqttVersion.V5) : client(MqttVersion.V5);
        assertRejected(receiver, withReasonCode(type, Integer.parseInt(hex, 16)), ReasonCode.PROTOCOL_ERROR, "2.4");
    }

    @Tag("2.4")
    @ParameterizedTest(name = "{0} with reason code 0x{1} (sent by {2}) decodes")
    @CsvSource({
        "PUBACK, 10, server",
        "PUBACK, 99, client",
        "PUBREC, 90, server",
        "PUBREL, 92, client",
        "PUBCOMP, 92, server",
        "DISCONNECT, 04, client",
        "DISCONNECT, 8E, server",
        "AUTH, 18, client",
        "AUTH, 19, client",
        "CONNACK, 8A, server",
        "CONNACK, 9F, server",
        "SUBACK, 9E, server",
        "SUBACK, 02, server",
        "UNSUBACK, 11, server"
    })
    void reasonCodeAllowedForThePacketDecodes(PacketType type, String hex, String sender) {
        MqttDecoder receiver = sender.equals("client") ? server(MqttVersion.V5) : client(MqttVersion.V5);
        MqttPacket packet = accept(receiver, withReasonCode(type, Integer.parseInt(hex, 16)));
        assertThat(packet.type()).isEqualTo(type);
    }

    @Tag("MQTT-3.9.3-2")
    @ParameterizedTest(name = "3.x SUBACK return code 0x{0} is malformed")
    @ValueSource(strings = {"03", "04", "7F", "81", "8F", "FF"})
    void reservedSubackReturnCodeBefore5IsMalformed(String hex) {
        byte[] suback = concat(
                bytes(0x90), // SUBACK
                bytes(0x03), // remaining length 3
                bytes(0x00, 0x01), // packet identifier 1
                bytes(Integer.parseInt(hex, 16)) // return code: reserved
                );
        assertRejected(client(MqttVersion.V3_1_1), suback, ReasonCode.MALFORMED_PACKET, "MQTT-3.9.3-2");
        assertRejected(client(MqttVersion.V3_1), suback, ReasonCode.MALFORMED_PACKET, "MQTT-3.9.3-2");
    }

    @Tag("MQTT-3.9.3-2")
    @Test
    void everyDefinedSubackReturnCodeIn311Decodes() {
        byte[] suback = concat(
                bytes(0x90), // SUBACK
                bytes(0x06), // remaining length 6
                bytes(0x00, 0x01), // packet identifier 1
                bytes(0x00), // granted QoS 0
                bytes(0x01), // granted QoS 1
                bytes(0x02), // granted QoS 2
                bytes(0x80) // failure
                );
        assertThat(((SubAckPacket) accept(client(MqttVersion.V3_1_1), suback)).reasonCodes())
                .isEqualTo(List.of(
                        ReasonCode.SUCCESS,
                        ReasonCode.GRANTED_QOS_1,
                        ReasonCode.GRANTED_QOS_2,
                        ReasonCode.UNSPECIFIED_ERROR));
    }

    @Tag("MQTT-3.9.3-1")
    @ParameterizedTest(name = "SUBACK without return codes in {0} is a protocol error")
    @EnumSource(MqttVersion.class)
    void subackWithoutReturnCodesIsAProtocolError(MqttVersion version) {
        byte[] suback = BytesFixtures.packet(
                0x90, // SUBACK
                bytes(0x00, 0x01), // packet identifier 1
                version.isV5() ? bytes(0x00) : bytes() // property length 0 (5.0 only); no codes
                );
        assertRejected(client(version), suback, ReasonCode.PROTOCOL_ERROR, "MQTT-3.9.3-1");
    }

    @Tag("MQTT-3.11.3-1")
    @Test
    void unsubackWithoutReasonCodesIn5IsAProtocolError() {
        byte[] unsuback = concat(
                bytes(0xB0), // UNSUBACK
                bytes(0x03), // remaining length 3
                bytes(0x00, 0x01), // packet identifier 1
                bytes(0x00) // property length 0; no reason codes
                );
        assertRejected(client(MqttVersion.V5), unsuback, ReasonCode.PROTOCOL_ERROR, "MQTT-3.11.3-1");
    }

    // --- CONNACK ----------------------------------------------------------------------------------------------------

    @Tag("MQTT-3.2.2-1")
    @ParameterizedTest(name = "CONNACK acknowledge flags 0x{1} in {0} are malformed")
    @CsvSource({"V3_1_1, 02", "V3_1_1, 80", "V3_1_1, FF", "V5, 02", "V5, 03", "V3_1, 02"})
    void connackReservedAcknowledgeFlagsAreMalformed(MqttVersion version, String hex) {
        byte[] connack = BytesFixtures.packet(
                0x20, // CONNACK
                bytes(Integer.parseInt(hex, 16)), // acknowledge flags with a reserved bit set
                bytes(0x00), // return / reason code 0
                version.isV5() ? bytes(0x00) : bytes() // property length 0 (5.0 only)
                );
        assertRejected(client(version), connack, ReasonCode.MALFORMED_PACKET, "MQTT-3.2.2-1");
    }

    @Tag("MQTT-3.2.2-1")
    @ParameterizedTest(name = "CONNACK with session present in {0} decodes")
    @EnumSource(
            value = MqttVersion.class,
            names = {"V3_1_1", "V5"})
    void connackWithSessionPresentDecodes(MqttVersion version) {
        byte[] connack = BytesFixtures.packet(
                0x20, // CONNACK
                bytes(0x01), // acknowledge flags: session present
                bytes(0x00), // return / reason code 0
                version.isV5() ? bytes(0x00) : bytes() // property length 0 (5.0 only)
                );
        assertThat(((ConnAckPacket) accept(client(version), connack)).sessionPresent())
                .isTrue();
    }

    @Tag("3.1:3.2")
    @Test
    void connackWithSessionPresentIn31IsMalformed() {
        byte[] connack = concat(
                bytes(0x20), // CONNACK
                bytes(0x02), // remaining length 2
                bytes(0x01), // bit 0 of a byte 3.1 reserves entirely
                bytes(0x00) // return code 0
                );
        assertRejected(client(MqttVersion.V3_1), connack, ReasonCode.MALFORMED_PACKET, "3.1:3.2");
    }

    @Tag("MQTT-3.2.2-6")
    @ParameterizedTest(name = "refusing CONNACK with session present in {0} is malformed")
    @EnumSource(
            value = MqttVersion.class,
            names = {"V3_1_1", "V5"})
    void refusingConnackWithSessionPresentIsMalformed(MqttVersion version) {
        byte[] connack = BytesFixtures.packet(
                0x20, // CONNACK
                bytes(0x01), // acknowledge flags: session present
                bytes(version.isV5() ? 0x87 : 0x05), // not authorized
                version.isV5() ? bytes(0x00) : bytes() // property length 0 (5.0 only)
                );
        assertRejected(client(version), connack, ReasonCode.MALFORMED_PACKET, "MQTT-3.2.2-6");
    }

    @Tag("3.2.2.3")
    @ParameterizedTest(name = "CONNACK return code {1} in {0} is malformed")
    @CsvSource({"V3_1, 6", "V3_1_1, 6", "V3_1_1, 128", "V3_1_1, 255"})
    void reservedConnackReturnCodeBefore5IsMalformed(MqttVersion version, int returnCode) {
        byte[] connack = concat(
                bytes(0x20), // CONNACK
                bytes(0x02), // remaining length 2
                bytes(0x00), // acknowledge flags
                bytes(returnCode) // return code: reserved (6..255)
                );
        assertRejected(client(version), connack, ReasonCode.MALFORMED_PACKET, "3.2.2.3");
    }

    @Tag("3.2.2.3")
    @ParameterizedTest(name = "CONNACK return code {1} in {0} decodes")
    @CsvSource({"V3_1, 0", "V3_1, 5", "V3_1_1, 1", "V3_1_1, 5"})
    void definedConnackReturnCodeBefore5Decodes(MqttVersion version, int returnCode) {
        byte[] connack = concat(
                bytes(0x20), // CONNACK
                bytes(0x02), // remaining length 2
                bytes(0x00), // acknowledge flags
                bytes(returnCode) // return code 0..5
                );
        ConnAckPacket packet = (ConnAckPacket) accept(client(version), connack);
        assertThat(ConnectReturnCode.of(packet.reasonCode()).value()).isEqualTo(returnCode);
    }
}
