package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.ALLOC;
import static dev.tern.mqtt.codec.BytesFixtures.CONNECT_5;
import static dev.tern.mqtt.codec.BytesFixtures.MAX_PACKET_SIZE;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;
import static dev.tern.mqtt.codec.BytesFixtures.payload;
import static dev.tern.mqtt.codec.BytesFixtures.release;
import static dev.tern.mqtt.codec.BytesFixtures.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Framing fixtures: a decoder fed one byte at a time returns {@code null} (consuming nothing) until the last byte of a
 * packet arrives, and several packets in one buffer decode one after the other.
 */
@DisplayName("incremental decoding fixtures")
class IncrementalDecodeFixtureTest {

    /** A 5.0 PUBLISH QoS 1 with one property. */
    private static final byte[] PUBLISH_5 = concat(
            bytes(0x32), // PUBLISH, flags: DUP 0, QoS 1, RETAIN 0
            bytes(0x0D), // remaining length 13
            bytes(0x00, 0x03, 'a', '/', 'b'), // topic name "a/b"
            bytes(0x00, 0x07), // packet identifier 7
            bytes(0x03), // property length 3
            bytes(0x23, 0x00, 0x01), // topic alias 1
            bytes('h', 'i') // payload "hi"
            );

    private static final byte[] PINGREQ = concat(
            bytes(0xC0), // PINGREQ, flags 0
            bytes(0x00) // remaining length 0
            );

    private static final byte[] CONNACK_5 = concat(
            bytes(0x20), // CONNACK, flags 0
            bytes(0x03), // remaining length 3
            bytes(0x01), // connect acknowledge flags: session present
            bytes(0x00), // reason code 0x00 success
            bytes(0x00) // property length 0
            );

    private static ConnectPacket expectedConnect5() {
        return new ConnectPacket(
                MqttVersion.V5,
                "c",
                true,
                60,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                MqttProperties.EMPTY);
    }

    private static PublishPacket expectedPublish5() {
        return new PublishPacket(
                false,
                MqttQos.AT_LEAST_ONCE,
                false,
                "a/b",
                7,
                MqttProperties.builder().put(PropertyId.TOPIC_ALIAS, 1).build(),
                payload("hi"));
    }

    /**
     * Feeds {@code packet} one byte at a time into {@code in} and asserts that {@code decoder} returns null, consuming
     * nothing, until the last byte; returns what the last byte completes.
     */
    private static MqttPacket feedByteByByte(MqttDecoder decoder, ByteBuf in, byte[] packet) {
        int start = in.readerIndex();
        for (int i = 0; i < packet.length - 1; i++) {
            in.writeByte(packet[i]);
            assertThat(decoder.decode(in))
                    .as("after %d of %d bytes", i + 1, packet.length)
                    .isNull();
            assertThat(in.readerIndex()).as("nothing consumed while incomplete").isEqualTo(start);
        }
        in.writeByte(packet[packet.length - 1]);
        MqttPacket decoded = decoder.decode(in);
        assertThat(decoded).as("after the last byte").isNotNull();
        assertThat(in.readerIndex()).isEqualTo(start + packet.length);
        return decoded;
    }

    @Test
    void connectThenPublishFedOneByteAtATime() {
        MqttDecoder decoder = MqttDecoder.forServer(MAX_PACKET_SIZE);
        ByteBuf in = ALLOC.buffer();
        PublishPacket expected = expectedPublish5();
        MqttPacket publish = null;
        try {
            assertThat(feedByteByByte(decoder, in, CONNECT_5)).isEqualTo(expectedConnect5());
            publish = feedByteByByte(decoder, in, PUBLISH_5);
            assertThat(publish).isEqualTo(expected);
            assertThat(decoder.decode(in)).as("an empty buffer").isNull();
        } finally {
            release(publish);
            release(expected);
            in.release();
        }
    }

    @Test
    void publishWithTwoByteRemainingLengthFedOneByteAtATime() {
        byte[] fixture = concat(
                concat(
                        bytes(0x30), // PUBLISH, flags: DUP 0, QoS 0, RETAIN 0
                        bytes(0x85, 0x01), // remaining length 133 (0x05 + 0x01 * 128): incomplete after the first byte
                        bytes(0x00, 0x01, 't') // topic name "t"
                        ),
                repeat('p', 130) // payload: 130 x 'p'
                );
        MqttDecoder decoder = MqttDecoder.forClient(MqttVersion.V3_1_1, MAX_PACKET_SIZE);
        ByteBuf in = ALLOC.buffer();
        MqttPacket publish = null;
        PublishPacket expected = new PublishPacket(
                false, MqttQos.AT_MOST_ONCE, false, "t", 0, MqttProperties.EMPTY, payload(repeat('p', 130)));
        try {
            publish = feedByteByByte(decoder, in, fixture);
            assertThat(publish).isEqualTo(expected);
        } finally {
            release(publish);
            release(expected);
            in.release();
        }
    }

    @Test
    void threePacketsInOneBufferDecodeOneAfterTheOther() {
        MqttDecoder decoder = MqttDecoder.forServer(MAX_PACKET_SIZE);
        ByteBuf in = BytesFixtures.buffer(concat(CONNECT_5, PUBLISH_5, PINGREQ));
        PublishPacket expected = expectedPublish5();
        MqttPacket publish = null;
        try {
            assertThat(decoder.decode(in)).isEqualTo(expectedConnect5());
            assertThat(in.readerIndex()).isEqualTo(CONNECT_5.length);
            publish = decoder.decode(in);
            assertThat(publish).isEqualTo(expected);
            assertThat(in.readerIndex()).isEqualTo(CONNECT_5.length + PUBLISH_5.length);
            assertThat(decoder.decode(in)).isEqualTo(PingReqPacket.INSTANCE);
            assertThat(in.isReadable()).isFalse();
            assertThat(decoder.decode(in)).isNull();
        } finally {
            release(publish);
            release(expected);
            in.release();
        }
    }

    @Test
    void aWholePacketFollowedByPartOfTheNext() {
        MqttDecoder decoder = MqttDecoder.forClient(MqttVersion.V5, MAX_PACKET_SIZE);
        int split = 6; // the second packet's fixed header and part of its topic
        ByteBuf in = BytesFixtures.buffer(concat(CONNACK_5, java.util.Arrays.copyOf(PUBLISH_5, split)));
        PublishPacket expected = expectedPublish5();
        MqttPacket publish = null;
        try {
            assertThat(decoder.decode(in)).isEqualTo(new ConnAckPacket(true, ReasonCode.SUCCESS, MqttProperties.EMPTY));
            assertThat(decoder.decode(in)).as("half a PUBLISH").isNull();
            assertThat(in.readableBytes()).isEqualTo(split);
            in.writeBytes(PUBLISH_5, split, PUBLISH_5.length - split);
            publish = decoder.decode(in);
            assertThat(publish).isEqualTo(expected);
            assertThat(in.isReadable()).isFalse();
        } finally {
            release(publish);
            release(expected);
            in.release();
        }
    }

    @Test
    void packetsDecodedFromOneBufferShareNothingButThePayloadSlices() {
        MqttDecoder decoder = MqttDecoder.forClient(MqttVersion.V5, MAX_PACKET_SIZE);
        ByteBuf in = BytesFixtures.buffer(concat(PUBLISH_5, PUBLISH_5));
        List<MqttPacket> decoded = new java.util.ArrayList<>();
        try {
            decoded.add(decoder.decode(in));
            decoded.add(decoder.decode(in));
            assertThat(decoded).doesNotContainNull();
            // Each PUBLISH holds its own reference to the receive buffer: the buffer lives until both are released.
            assertThat(in.refCnt()).isEqualTo(3);
        } finally {
            decoded.forEach(BytesFixtures::release);
            in.release();
        }
        assertThat(in.refCnt()).isZero();
    }
}
