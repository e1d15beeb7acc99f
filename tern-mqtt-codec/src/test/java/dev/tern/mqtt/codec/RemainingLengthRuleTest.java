package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.accept;
import static dev.tern.mqtt.codec.BytesFixtures.assertAccepted;
import static dev.tern.mqtt.codec.BytesFixtures.assertRejected;
import static dev.tern.mqtt.codec.BytesFixtures.buffer;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.client;
import static dev.tern.mqtt.codec.BytesFixtures.concat;
import static dev.tern.mqtt.codec.BytesFixtures.repeat;
import static dev.tern.mqtt.codec.BytesFixtures.server;
import static dev.tern.mqtt.codec.BytesFixtures.serverAfterConnect;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules of the Remaining Length (sections 1.5.5 and 2.1.4) and of the maximum packet size: at most four bytes, minimal
 * encoding, exactly the length of the content, and a size limit enforced from the fixed header alone.
 */
@DisplayName("remaining length and packet size rules")
class RemainingLengthRuleTest {

    @Tag("MQTT-1.5.5-1")
    @Test
    void remainingLengthOfFiveBytesIsMalformed() {
        byte[] header = concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0xFF, 0xFF, 0xFF, 0xFF), // four bytes, each saying "more follows"
                bytes(0x01) // a fifth byte: not allowed
                );
        assertRejected(server(MqttVersion.V3_1_1), header, ReasonCode.MALFORMED_PACKET, "MQTT-1.5.5-1");
    }

    @Tag("MQTT-1.5.5-1")
    @Test
    void fourContinuationBytesAreRejectedBeforeTheFifthArrives() {
        byte[] header = concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0x80, 0x80, 0x80, 0x80) // four continuation bytes: whatever comes next, it would be a fifth
                );
        assertRejected(client(MqttVersion.V5), header, ReasonCode.MALFORMED_PACKET, "MQTT-1.5.5-1");
    }

    @Tag("MQTT-1.5.5-1")
    @Test
    void largestFourByteRemainingLengthIsWellFormedAndAwaitsTheBody() {
        // With no size limit to speak of, the largest legal Remaining Length (268,435,455) is just incomplete.
        MqttDecoder decoder = serverAfterConnect(MqttVersion.V3_1_1, Integer.MAX_VALUE);
        ByteBuf in = buffer(concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0xFF, 0xFF, 0xFF, 0x7F) // remaining length 268,435,455 (four bytes, the maximum)
                ));
        try {
            assertThat(decoder.decode(in)).isNull();
            assertThat(in.readerIndex()).isZero();
        } finally {
            in.release();
        }
    }

    @Tag("MQTT-1.5.5-1")
    @Test
    void nonMinimalRemainingLengthIsMalformed() {
        byte[] pingreq = concat(
                bytes(0xC0), // PINGREQ, flags 0
                bytes(0x80, 0x00) // remaining length 0 in two bytes: not the minimum number of bytes
                );
        assertRejected(server(MqttVersion.V3_1_1), pingreq, ReasonCode.MALFORMED_PACKET, "MQTT-1.5.5-1");
    }

    @Tag("MQTT-1.5.5-1")
    @Test
    void nonMinimalThreeByteRemainingLengthIsMalformed() {
        byte[] publish = concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0x83, 0x80, 0x00), // remaining length 3 in three bytes
                bytes(0x00, 0x01, 't') // topic name "t"
                );
        assertRejected(client(MqttVersion.V3_1_1), publish, ReasonCode.MALFORMED_PACKET, "MQTT-1.5.5-1");
    }

    @Tag("MQTT-1.5.5-1")
    @Test
    void nonMinimalPropertyLengthIsMalformed() {
        byte[] puback = concat(
                bytes(0x40), // PUBACK, flags 0
                bytes(0x05), // remaining length 5
                bytes(0x00, 0x01), // packet identifier 1
                bytes(0x00), // reason code success
                bytes(0x80, 0x00) // property length 0 in two bytes
                );
        assertRejected(server(MqttVersion.V5), puback, ReasonCode.MALFORMED_PACKET, "MQTT-1.5.5-1");
    }

    @Tag("MQTT-1.5.5-1")
    @Test
    void minimalMultiByteRemainingLengthDecodes() {
        byte[] publish = concat(
                concat(
                        bytes(0x30), // PUBLISH, QoS 0
                        bytes(0x80, 0x01), // remaining length 128 (two bytes, minimal)
                        bytes(0x00, 0x01, 't') // topic name "t"
                        ),
                repeat('x', 125) // payload
                );
        assertAccepted(server(MqttVersion.V3_1_1), publish, PacketType.PUBLISH);
    }

    @Tag("1.5.5")
    @Test
    void propertyLengthCutOffByTheEndOfThePacketIsMalformed() {
        byte[] puback = concat(
                bytes(0x40), // PUBACK, flags 0
                bytes(0x04), // remaining length 4
                bytes(0x00, 0x01), // packet identifier 1
                bytes(0x00), // reason code success
                bytes(0x80) // property length: "more follows", but the packet ends
                );
        assertRejected(server(MqttVersion.V5), puback, ReasonCode.MALFORMED_PACKET, "1.5.5");
    }

    @Tag("1.5.4")
    @Test
    void remainingLengthLargerThanTheContentRunsPastTheEnd() {
        // The content a field announces runs past the end of the packet the Remaining Length delimits.
        byte[] subscribe = concat(
                bytes(0x82), // SUBSCRIBE, flags 0b0010
                bytes(0x07), // remaining length 7
                bytes(0x00, 0x01), // packet identifier 1
                bytes(0x00, 0x0A, 'a', '/', 'b') // topic filter length 10, but only 3 bytes follow in the packet
                );
        assertRejected(server(MqttVersion.V3_1_1), subscribe, ReasonCode.MALFORMED_PACKET, "1.5.4");
    }

    @Tag("2.2.1")
    @Test
    void remainingLengthTooShortForThePacketIdentifierIsMalformed() {
        byte[] puback = concat(
                bytes(0x40), // PUBACK, flags 0
                bytes(0x01), // remaining length 1
                bytes(0x00) // half a packet identifier
                );
        assertRejected(server(MqttVersion.V3_1_1), puback, ReasonCode.MALFORMED_PACKET, "2.2.1");
    }

    @Tag("1.5.4")
    @Test
    void remainingLengthSmallerThanTheContentCutsTheLastField() {
        // The sender wrote a 16-byte CONNECT but announced 14: the client id's length prefix now exceeds the packet.
        byte[] connect = concat(
                bytes(0x10), // CONNECT
                bytes(0x0E), // remaining length 14 (the content is 16)
                bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                bytes(0x04), // protocol level 4
                bytes(0x02), // connect flags: clean session
                bytes(0x00, 0x3C), // keep alive 60 s
                bytes(0x00, 0x04, 'c', 'l') // client id length 4, 2 bytes inside the packet ("id" lies beyond)
                );
        assertRejected(
                MqttDecoder.forServer(BytesFixtures.MAX_PACKET_SIZE), connect, ReasonCode.MALFORMED_PACKET, "1.5.4");
    }

    @Tag("1.5")
    @Test
    void bytesBeyondTheContentOfAFixedSizePacketAreMalformed() {
        byte[] puback = concat(
                bytes(0x40), // PUBACK, flags 0
                bytes(0x03), // remaining length 3 (3.1.1 PUBACK has exactly 2)
                bytes(0x00, 0x01), // packet identifier 1
                bytes(0x00) // a trailing byte
                );
        assertRejected(server(MqttVersion.V3_1_1), puback, ReasonCode.MALFORMED_PACKET, "1.5");
    }

    @Tag("1.5")
    @ParameterizedTest(name = "{0} with a non-zero remaining length is malformed")
    @EnumSource(
            value = PacketType.class,
            names = {"PINGREQ", "DISCONNECT"})
    void emptyPacketWithContentIsMalformedIn311(PacketType type) {
        byte[] packet = concat(
                bytes(type.code() << 4), // PINGREQ or DISCONNECT, flags 0
                bytes(0x01), // remaining length 1 (must be 0 in 3.1.1)
                bytes(0x00) // a trailing byte
                );
        assertRejected(server(MqttVersion.V3_1_1), packet, ReasonCode.MALFORMED_PACKET, "1.5");
    }

    @Tag("1.5")
    @Test
    void connackWithATrailingByteIsMalformed() {
        byte[] connack = concat(
                bytes(0x20), // CONNACK
                bytes(0x03), // remaining length 3 (3.1.1 CONNACK has exactly 2)
                bytes(0x00), // acknowledge flags
                bytes(0x00), // return code 0
                bytes(0x00) // a trailing byte
                );
        assertRejected(client(MqttVersion.V3_1_1), connack, ReasonCode.MALFORMED_PACKET, "1.5");
    }

    @Tag("1.5")
    @Test
    void remainingLengthMatchingTheContentExactlyDecodes() {
        byte[] puback = concat(
                bytes(0x40), // PUBACK, flags 0
                bytes(0x02), // remaining length 2
                bytes(0x00, 0x01) // packet identifier 1
                );
        assertAccepted(server(MqttVersion.V3_1_1), puback, PacketType.PUBACK);
        assertAccepted(server(MqttVersion.V5), puback, PacketType.PUBACK);
    }

    @Tag("MQTT-3.2.2-15")
    @Test
    void connectAnnouncing256MegabytesIsTooLargeAfterFiveBytes() {
        byte[] header = concat(
                bytes(0x10), // CONNECT
                bytes(0xFF, 0xFF, 0xFF, 0x7F) // remaining length 268,435,455; nothing of the body present
                );
        assertRejected(
                MqttDecoder.forServer(BytesFixtures.MAX_PACKET_SIZE),
                header,
                ReasonCode.PACKET_TOO_LARGE,
                "MQTT-3.2.2-15");
    }

    @Tag("MQTT-3.2.2-15")
    @ParameterizedTest(name = "a PUBLISH announcing 256 MB in {0} is too large after five bytes")
    @EnumSource(MqttVersion.class)
    void publishAnnouncing256MegabytesIsTooLargeAfterFiveBytes(MqttVersion version) {
        byte[] header = concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0xFF, 0xFF, 0xFF, 0x7F) // remaining length 268,435,455; nothing of the body present
                );
        assertRejected(server(version), header, ReasonCode.PACKET_TOO_LARGE, "MQTT-3.2.2-15");
        assertRejected(client(version), header, ReasonCode.PACKET_TOO_LARGE, "MQTT-3.1.2-24");
    }

    @Tag("MQTT-3.2.2-15")
    @Test
    void packetOneByteOverTheLimitIsTooLargeFromItsHeader() {
        MqttDecoder decoder = serverAfterConnect(MqttVersion.V3_1_1, 20);
        byte[] header = concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0x13) // remaining length 19: 21 bytes in all, one over the limit of 20
                );
        assertRejected(decoder, header, ReasonCode.PACKET_TOO_LARGE, "MQTT-3.2.2-15");
    }

    @Tag("MQTT-3.2.2-15")
    @Test
    void packetOfExactlyTheMaximumSizeDecodes() {
        MqttDecoder decoder = serverAfterConnect(MqttVersion.V3_1_1, 20);
        byte[] publish = concat(
                concat(
                        bytes(0x30), // PUBLISH, QoS 0
                        bytes(0x12), // remaining length 18: 20 bytes in all, exactly the limit
                        bytes(0x00, 0x03, 'a', '/', 'b') // topic name "a/b"
                        ),
                repeat('x', 13) // payload
                );
        MqttPacket packet = accept(decoder, publish);
        try {
            assertThat(MqttEncoder.encodedSize(packet, MqttVersion.V3_1_1)).isEqualTo(20);
        } finally {
            BytesFixtures.release(packet);
        }
    }
}
