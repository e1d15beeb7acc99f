package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.accept;
import static dev.tern.mqtt.codec.BytesFixtures.assertRejected;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.client;
import static dev.tern.mqtt.codec.BytesFixtures.concat;
import static dev.tern.mqtt.codec.BytesFixtures.packet;
import static dev.tern.mqtt.codec.BytesFixtures.properties;
import static dev.tern.mqtt.codec.BytesFixtures.server;
import static dev.tern.mqtt.codec.BytesFixtures.string;
import static dev.tern.mqtt.codec.BytesFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rules of UTF-8 Encoded Strings (section 1.5.4): well-formed, no U+0000, and within the packet. */
@DisplayName("UTF-8 string rules")
class Utf8RuleTest {

    /** A 3.1.1 QoS 0 PUBLISH whose topic name is the raw bytes {@code topic}. */
    private static byte[] publishWithRawTopic(int... topic) {
        return packet(
                0x30, // PUBLISH, QoS 0
                bytes(0x00, topic.length), // topic name length
                bytes(topic) // topic name bytes
                );
    }

    /** A 3.1.1 CONNECT whose client id is the raw bytes {@code clientId}. */
    private static byte[] connectWithRawClientId(int... clientId) {
        return packet(
                0x10, // CONNECT
                bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                bytes(0x04), // protocol level 4
                bytes(0x02), // connect flags: clean session
                bytes(0x00, 0x3C), // keep alive 60 s
                bytes(0x00, clientId.length), // client id length
                bytes(clientId) // client id bytes
                );
    }

    /** A 5.0 QoS 0 PUBLISH with topic "t" carrying one user property whose value is the raw bytes {@code value}. */
    private static byte[] publishWithRawUserPropertyValue(int... value) {
        return packet(
                0x30, // PUBLISH, QoS 0
                string("t"), // topic name "t"
                properties(concat(
                        bytes(0x26), // user property
                        string("k"), // name "k"
                        bytes(0x00, value.length), // value length
                        bytes(value))) // value bytes
                );
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void illFormedSequenceInTopicIsMalformed() {
        // C3 starts a two-byte sequence; 28 is not a continuation byte.
        assertRejected(
                server(MqttVersion.V3_1_1),
                publishWithRawTopic(0xC3, 0x28),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-1");
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void overlongEncodingInTopicIsMalformed() {
        // C0 AF is '/' in two bytes: an overlong form.
        assertRejected(
                server(MqttVersion.V3_1_1),
                publishWithRawTopic('a', 0xC0, 0xAF, 'b'),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-1");
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void overlongEncodingOfNulIsMalformed() {
        // C0 80 is U+0000 in "modified UTF-8": an overlong form, not a way around MQTT-1.5.4-2.
        assertRejected(
                client(MqttVersion.V5),
                publishWithRawUserPropertyValue(0xC0, 0x80),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-1");
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void encodedHighSurrogateInTopicIsMalformed() {
        // ED A0 80 encodes U+D800, a UTF-16 surrogate.
        assertRejected(
                server(MqttVersion.V3_1_1),
                publishWithRawTopic(0xED, 0xA0, 0x80),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-1");
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void encodedLowSurrogateInClientIdIsMalformed() {
        // ED B0 80 encodes U+DC00, a UTF-16 surrogate.
        assertRejected(
                MqttDecoder.forServer(BytesFixtures.MAX_PACKET_SIZE),
                connectWithRawClientId('c', 0xED, 0xB0, 0x80),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-1");
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void codePointAboveU10ffffIsMalformed() {
        // F4 90 80 80 would be U+110000.
        assertRejected(
                server(MqttVersion.V3_1_1),
                publishWithRawTopic(0xF4, 0x90, 0x80, 0x80),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-1");
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void truncatedMultiByteSequenceIsMalformed() {
        // E6 97 A5 is one character; its last byte is missing at the end of the string.
        assertRejected(
                server(MqttVersion.V3_1_1),
                publishWithRawTopic('a', 0xE6, 0x97),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-1");
    }

    @Tag("MQTT-1.5.4-2")
    @Test
    void nulInTopicIsMalformed() {
        assertRejected(
                server(MqttVersion.V3_1_1),
                publishWithRawTopic('a', 0x00, 'b'),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-2");
    }

    @Tag("MQTT-1.5.4-2")
    @Test
    void nulAfterNonAsciiCharactersInTopicIsMalformed() {
        // "é" then U+0000: the check must not depend on the ASCII fast path.
        assertRejected(
                client(MqttVersion.V3_1_1),
                publishWithRawTopic(0xC3, 0xA9, 0x00),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-2");
    }

    @Tag("MQTT-1.5.4-2")
    @ParameterizedTest(name = "U+0000 in a {0} client id is malformed")
    @EnumSource(MqttVersion.class)
    void nulInClientIdIsMalformed(MqttVersion version) {
        byte[] connect = packet(
                0x10, // CONNECT
                string(version.protocolName()), // protocol name
                bytes(version.level()), // protocol level
                bytes(0x02), // connect flags: clean session
                bytes(0x00, 0x3C), // keep alive 60 s
                version.isV5() ? bytes(0x00) : bytes(), // property length 0 (5.0 only)
                bytes(0x00, 0x03, 'a', 0x00, 'b') // client id "a\0b"
                );
        assertRejected(
                MqttDecoder.forServer(BytesFixtures.MAX_PACKET_SIZE),
                connect,
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-2");
    }

    @Tag("MQTT-1.5.4-2")
    @Test
    void nulInUserPropertyIsMalformed() {
        assertRejected(
                server(MqttVersion.V5),
                publishWithRawUserPropertyValue('v', 0x00),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-2");
    }

    @Tag("1.5.4")
    @Test
    void stringLengthPrefixBeyondThePacketEndIsMalformed() {
        byte[] publish = concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0x05), // remaining length 5
                bytes(0x00, 0x10, 'a', '/', 'b') // topic name length 16, only 3 bytes left in the packet
                );
        assertRejected(server(MqttVersion.V3_1_1), publish, ReasonCode.MALFORMED_PACKET, "1.5.4");
    }

    @Tag("1.5.4")
    @Test
    void stringLengthPrefixItselfCutOffIsMalformed() {
        byte[] publish = concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0x01), // remaining length 1
                bytes(0x00) // half a length prefix
                );
        assertRejected(server(MqttVersion.V3_1_1), publish, ReasonCode.MALFORMED_PACKET, "1.5.4");
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void nonAsciiTopicDecodes() {
        MqttPacket packet = accept(server(MqttVersion.V3_1_1), publishWithRawTopic(toInts(utf8("café/日本/😀"))));
        try {
            assertThat(((PublishPacket) packet).topic()).isEqualTo("café/日本/😀");
        } finally {
            BytesFixtures.release(packet);
        }
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void nonAsciiClientIdDecodes() {
        MqttPacket packet = accept(
                MqttDecoder.forServer(BytesFixtures.MAX_PACKET_SIZE),
                connectWithRawClientId(toInts(utf8("Jörg-日本-😀"))));
        assertThat(((ConnectPacket) packet).clientId()).isEqualTo("Jörg-日本-😀");
    }

    @Tag("MQTT-1.5.4-1")
    @Test
    void nonAsciiUserPropertyDecodes() {
        MqttPacket packet = accept(client(MqttVersion.V5), publishWithRawUserPropertyValue(toInts(utf8("ключ 😀"))));
        try {
            assertThat(((PublishPacket) packet).properties().userProperties())
                    .isEqualTo(List.of(new UserProperty("k", "ключ 😀")));
        } finally {
            BytesFixtures.release(packet);
        }
    }

    @Tag("MQTT-1.5.4-3")
    @Test
    void byteOrderMarkIsKeptAsZeroWidthNoBreakSpace() {
        // [MQTT-1.5.4-3] EF BB BF is always U+FEFF and MUST NOT be skipped or stripped.
        MqttPacket packet = accept(server(MqttVersion.V3_1_1), publishWithRawTopic(0xEF, 0xBB, 0xBF, 'a'));
        try {
            assertThat(((PublishPacket) packet).topic()).isEqualTo("\uFEFFa");
        } finally {
            BytesFixtures.release(packet);
        }
    }

    private static int[] toInts(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }
}
