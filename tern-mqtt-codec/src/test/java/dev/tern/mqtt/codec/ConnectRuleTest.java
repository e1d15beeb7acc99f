package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.MAX_PACKET_SIZE;
import static dev.tern.mqtt.codec.BytesFixtures.accept;
import static dev.tern.mqtt.codec.BytesFixtures.assertRejected;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;
import static dev.tern.mqtt.codec.BytesFixtures.packet;
import static dev.tern.mqtt.codec.BytesFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** CONNECT rules (section 3.1): protocol name and level, connect flags, client identifier, will. */
@DisplayName("CONNECT rules")
class ConnectRuleTest {

    private static MqttDecoder fresh() {
        return MqttDecoder.forServer(MAX_PACKET_SIZE);
    }

    /** A CONNECT with the given name, level and flags, client id {@code clientId}, then {@code payloadTail}. */
    private static byte[] connect(String name, int level, int flags, String clientId, byte[]... payloadTail) {
        byte[][] parts = new byte[6 + payloadTail.length][];
        parts[0] = string(name); // protocol name
        parts[1] = bytes(level); // protocol level
        parts[2] = bytes(flags); // connect flags
        parts[3] = bytes(0x00, 0x3C); // keep alive 60 s
        parts[4] = level == 5 ? bytes(0x00) : bytes(); // property length 0 (5.0 only)
        parts[5] = string(clientId); // client id
        System.arraycopy(payloadTail, 0, parts, 6, payloadTail.length);
        return packet(0x10, parts);
    }

    private static byte[] connect(MqttVersion version, int flags, String clientId, byte[]... payloadTail) {
        return connect(version.protocolName(), version.level(), flags, clientId, payloadTail);
    }

    /** The will part of a CONNECT payload: (5.0: empty will properties,) topic, empty message. */
    private static byte[] will(MqttVersion version, String topic) {
        return BytesFixtures.concat(
                version.isV5() ? bytes(0x00) : bytes(), // will property length 0 (5.0 only)
                string(topic), // will topic
                bytes(0x00, 0x00) // will message: empty
                );
    }

    private static ConnectPacket accepted(byte[] connect) {
        return (ConnectPacket) accept(fresh(), connect);
    }

    // --- Protocol name and level ----------------------------------------------------------------------------------

    @Tag("MQTT-3.1.2-1")
    @ParameterizedTest(name = "protocol name \"{0}\" is refused without a CONNACK")
    @CsvSource({"MQTX, 4", "mqtt, 4", "MQIsdP, 3", "MQ, 5", "'', 4"})
    void unknownProtocolNameIsRefusedWithoutAConnack(String name, int level) {
        MalformedPacketException e = assertRejected(
                fresh(), connect(name, level, 0x02, "c"), ReasonCode.UNSUPPORTED_PROTOCOL_VERSION, "MQTT-3.1.2-1");
        assertThat(e.v3ConnackReturnCode()).as("3.x closes the connection").isEmpty();
    }

    @Tag("MQTT-3.1.2-2")
    @ParameterizedTest(name = "protocol \"{0}\" level {1} is refused with return code 1")
    @CsvSource({"MQTT, 6", "MQTT, 3", "MQTT, 0", "MQTT, 255", "MQIsdp, 4", "MQIsdp, 5", "MQIsdp, 1"})
    void unsupportedProtocolLevelIsRefusedWithReturnCode1(String name, int level) {
        MalformedPacketException e = assertRejected(
                fresh(), connect(name, level, 0x02, "c"), ReasonCode.UNSUPPORTED_PROTOCOL_VERSION, "MQTT-3.1.2-2");
        assertThat(e.v3ConnackReturnCode()).hasValue(1);
    }

    @Tag("MQTT-3.1.2-2")
    @ParameterizedTest(name = "protocol {0} decodes")
    @EnumSource(MqttVersion.class)
    void supportedProtocolNameAndLevelDecode(MqttVersion version) {
        assertThat(accepted(connect(version, 0x02, "c")).version()).isEqualTo(version);
    }

    // --- Connect flags --------------------------------------------------------------------------------------------

    @Tag("MQTT-3.1.2-3")
    @ParameterizedTest(name = "reserved connect flag in {0} is malformed")
    @EnumSource(MqttVersion.class)
    void reservedConnectFlagIsMalformed(MqttVersion version) {
        MalformedPacketException e = assertRejected(
                fresh(),
                connect(version, 0x03, "c"), // flags: clean session + reserved bit 0
                ReasonCode.MALFORMED_PACKET,
                "MQTT-3.1.2-3");
        assertThat(e.v3ConnackReturnCode()).isEmpty();
    }

    @Tag("MQTT-3.1.2-3")
    @Test
    void failureLaterInA5ConnectStillTellsTheVersion() {
        // The version is known as soon as the level is read, so the broker answers the failure the 5.0 way.
        MqttDecoder decoder = fresh();
        assertRejected(decoder, connect(MqttVersion.V5, 0x03, "c"), ReasonCode.MALFORMED_PACKET, "MQTT-3.1.2-3");
        assertThat(decoder.version()).contains(MqttVersion.V5);
    }

    @Tag("MQTT-3.1.2-14")
    @ParameterizedTest(name = "will QoS 3 in {0} is malformed")
    @EnumSource(MqttVersion.class)
    void willQos3IsMalformed(MqttVersion version) {
        assertRejected(
                fresh(),
                connect(version, 0x1E, "c", will(version, "w")), // flags: will QoS 3, will, clean session
                ReasonCode.MALFORMED_PACKET,
                "MQTT-3.1.2-14");
    }

    @Tag("MQTT-3.1.2-14")
    @ParameterizedTest(name = "will QoS 2 in {0} decodes")
    @EnumSource(MqttVersion.class)
    void willQos2Decodes(MqttVersion version) {
        ConnectPacket connect = accepted(connect(version, 0x16, "c", will(version, "w"))); // will QoS 2, will
        assertThat(connect.will()).hasValueSatisfying(w -> assertThat(w.qos()).isEqualTo(MqttQos.EXACTLY_ONCE));
    }

    @Tag("MQTT-3.1.2-13")
    @ParameterizedTest(name = "will QoS without will flag in {0} is malformed")
    @EnumSource(MqttVersion.class)
    void willQosWithoutWillFlagIsMalformed(MqttVersion version) {
        assertRejected(
                fresh(),
                connect(version, 0x0A, "c"), // flags: will QoS 1, no will, clean session
                ReasonCode.MALFORMED_PACKET,
                "MQTT-3.1.2-13");
    }

    @Tag("MQTT-3.1.2-15")
    @ParameterizedTest(name = "will retain without will flag in {0} is malformed")
    @EnumSource(MqttVersion.class)
    void willRetainWithoutWillFlagIsMalformed(MqttVersion version) {
        assertRejected(
                fresh(),
                connect(version, 0x22, "c"), // flags: will retain, no will, clean session
                ReasonCode.MALFORMED_PACKET,
                "MQTT-3.1.2-15");
    }

    @Tag("MQTT-3.1.2-13")
    @Tag("MQTT-3.1.2-15")
    @ParameterizedTest(name = "will retain and QoS 1 with will flag in {0} decode")
    @EnumSource(MqttVersion.class)
    void willRetainAndQosWithWillFlagDecode(MqttVersion version) {
        ConnectPacket connect = accepted(connect(version, 0x2E, "c", will(version, "w"))); // retain, QoS 1, will
        assertThat(connect.will()).hasValueSatisfying(w -> {
            assertThat(w.retain()).isTrue();
            assertThat(w.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        });
    }

    @Tag("MQTT-3.1.2-22")
    @ParameterizedTest(name = "password without user name in {0} is malformed")
    @EnumSource(
            value = MqttVersion.class,
            names = {"V3_1", "V3_1_1"})
    void passwordWithoutUsernameBefore5IsMalformed(MqttVersion version) {
        assertRejected(
                fresh(),
                connect(version, 0x42, "c", string("pw")), // flags: password, clean session; password "pw"
                ReasonCode.MALFORMED_PACKET,
                "MQTT-3.1.2-22");
    }

    @Tag("MQTT-3.1.2-22")
    @Test
    void passwordWithoutUsernameIn5Decodes() {
        ConnectPacket connect = accepted(connect(MqttVersion.V5, 0x42, "c", string("pw"))); // password only
        assertThat(connect.username()).isEmpty();
        assertThat(connect.password()).contains(new BinaryData(BytesFixtures.utf8("pw")));
    }

    @Tag("MQTT-3.1.2-22")
    @ParameterizedTest(name = "password with user name in {0} decodes")
    @EnumSource(MqttVersion.class)
    void passwordWithUsernameDecodes(MqttVersion version) {
        ConnectPacket connect = accepted(connect(version, 0xC2, "c", string("u"), string("pw")));
        assertThat(connect.username()).contains("u");
    }

    // --- Client identifier ----------------------------------------------------------------------------------------

    @Tag("MQTT-3.1.3-8")
    @Test
    void emptyClientIdWithoutCleanSessionIn311IsRefusedWithReturnCode2() {
        MalformedPacketException e = assertRejected(
                fresh(),
                connect(MqttVersion.V3_1_1, 0x00, ""), // flags: clean session 0; client id ""
                ReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                "MQTT-3.1.3-8");
        assertThat(e.v3ConnackReturnCode()).hasValue(2);
    }

    @Tag("MQTT-3.1.3-8")
    @Test
    void emptyClientIdWithCleanSessionIn311Decodes() {
        assertThat(accepted(connect(MqttVersion.V3_1_1, 0x02, "")).clientId()).isEmpty();
    }

    @Tag("MQTT-3.1:3.1")
    @ParameterizedTest(name = "empty client id in 3.1 with flags {0} is refused with return code 2")
    @CsvSource({"0", "2"})
    void emptyClientIdIn31IsRefusedWithReturnCode2(int flags) {
        MalformedPacketException e = assertRejected(
                fresh(),
                connect(MqttVersion.V3_1, flags, ""), // client id "" (3.1 requires 1 to 23 characters)
                ReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                "MQTT-3.1:3.1");
        assertThat(e.v3ConnackReturnCode()).hasValue(2);
    }

    @Tag("MQTT-3.1:3.1")
    @Test
    void nonEmptyClientIdIn31Decodes() {
        assertThat(accepted(connect(MqttVersion.V3_1, 0x00, "c")).clientId()).isEqualTo("c");
    }

    @Tag("MQTT-3.1.3-6")
    @ParameterizedTest(name = "empty client id in 5.0 with flags {0} decodes")
    @CsvSource({"0", "2"})
    void emptyClientIdIn5Decodes(int flags) {
        assertThat(accepted(connect(MqttVersion.V5, flags, "")).clientId()).isEmpty();
    }

    // --- Will topic -----------------------------------------------------------------------------------------------

    @Tag("MQTT-3.1.3-11")
    @Tag("MQTT-3.3.2-2")
    @ParameterizedTest(name = "will topic \"{1}\" in {0} is invalid")
    @CsvSource({"V3_1, a/+", "V3_1_1, '#'", "V5, a/#", "V5, +"})
    void willTopicWithWildcardIsInvalid(MqttVersion version, String topic) {
        MalformedPacketException e = assertRejected(
                fresh(),
                connect(version, 0x06, "c", will(version, topic)), // flags: will, clean session
                ReasonCode.TOPIC_NAME_INVALID,
                "MQTT-3.3.2-2");
        assertThat(e.v3ConnackReturnCode()).isEmpty();
    }

    @Tag("MQTT-4.7.3-1")
    @Test
    void emptyWillTopicIsAProtocolError() {
        assertRejected(
                fresh(),
                connect(MqttVersion.V3_1_1, 0x06, "c", will(MqttVersion.V3_1_1, "")),
                ReasonCode.PROTOCOL_ERROR,
                "MQTT-4.7.3-1");
    }

    @Tag("MQTT-3.1.3-11")
    @ParameterizedTest(name = "will topic without wildcard in {0} decodes")
    @EnumSource(MqttVersion.class)
    void willTopicWithoutWildcardDecodes(MqttVersion version) {
        ConnectPacket connect = accepted(connect(version, 0x06, "c", will(version, "w/t")));
        assertThat(connect.will()).hasValueSatisfying(w -> assertThat(w.topic()).isEqualTo("w/t"));
    }

    // --- Truncation -----------------------------------------------------------------------------------------------

    @Tag("3.1.2.2")
    @Test
    void connectEndingBeforeTheProtocolLevelIsMalformed() {
        byte[] connect = concat(
                bytes(0x10), // CONNECT
                bytes(0x06), // remaining length 6
                bytes(0x00, 0x04, 'M', 'Q', 'T', 'T') // protocol name "MQTT", then nothing
                );
        assertRejected(fresh(), connect, ReasonCode.MALFORMED_PACKET, "3.1.2.2");
    }

    @Tag("3.1.2")
    @Test
    void connectEndingInsideTheVariableHeaderIsMalformed() {
        byte[] connect = concat(
                bytes(0x10), // CONNECT
                bytes(0x09), // remaining length 9
                bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                bytes(0x04), // protocol level 4
                bytes(0x02), // connect flags
                bytes(0x00) // half of the keep alive
                );
        assertRejected(fresh(), connect, ReasonCode.MALFORMED_PACKET, "3.1.2");
    }

    @Tag("1.5.4")
    @Test
    void connectWithUsernameFlagButNoUsernameIsMalformed() {
        assertRejected(
                fresh(),
                connect(MqttVersion.V3_1_1, 0x82, "c"), // flags: user name, clean session; the user name is missing
                ReasonCode.MALFORMED_PACKET,
                "1.5.4");
    }
}
