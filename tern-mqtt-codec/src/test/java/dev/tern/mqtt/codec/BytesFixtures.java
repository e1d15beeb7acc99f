package dev.tern.mqtt.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Shared helpers of the byte-fixture and malformed-input tests: writing byte listings, feeding them to a decoder in the
 * right role, and checking the decode / encode / encodedSize triangle.
 *
 * <p>A fixture is written as {@code concat(bytes(...), // field, bytes(...), // field, ...)}: one {@code bytes(...)}
 * argument and one comment per wire field. (Each field is its own argument so that the formatter, which puts every
 * argument of a long call on its own line, keeps a field's bytes together with its comment.)
 *
 * <p>Every buffer comes from {@link ByteBufAllocator#DEFAULT}, so Netty's leak detector (paranoid in tests) tracks it,
 * and every helper releases what it allocates.
 */
final class BytesFixtures {
    /** A maximum packet size large enough for every fixture. */
    static final int MAX_PACKET_SIZE = 1 << 20;

    static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    /** Who sends the packet, which decides the decoder role: a server decodes what clients send, and vice versa. */
    enum Direction {
        CLIENT_TO_SERVER,
        SERVER_TO_CLIENT
    }

    private BytesFixtures() {}

    /** A byte listing; each value must be 0..255 (chars such as {@code 'M'} widen to their code). */
    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFF) {
                throw new IllegalArgumentException("not a byte at index " + i + ": " + values[i]);
            }
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] repeat(int value, int count) {
        byte[] out = new byte[count];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }

    /** A Variable Byte Integer (section 1.5.5), minimally encoded. */
    static byte[] vbi(int value) {
        ByteBuf out = Unpooled.buffer(4);
        VariableByteInteger.write(out, value);
        return ByteBufUtil.getBytes(out);
    }

    /**
     * A whole packet for the malformed-input tests: the first header byte, the remaining length computed from the body
     * (minimally encoded), then the body parts.
     */
    static byte[] packet(int firstByte, byte[]... body) {
        byte[] content = concat(body);
        return concat(bytes(firstByte), vbi(content.length), content);
    }

    /** A length-prefixed UTF-8 string (section 1.5.4). */
    static byte[] string(String value) {
        byte[] utf8 = utf8(value);
        return concat(bytes(utf8.length >> 8, utf8.length & 0xFF), utf8);
    }

    /** A property block: its Variable Byte Integer length, then the properties (section 2.2.2). */
    static byte[] properties(byte[]... properties) {
        byte[] content = concat(properties);
        return concat(vbi(content.length), content);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** A leak-tracked buffer holding {@code bytes}; the caller releases it. */
    static ByteBuf buffer(byte[] bytes) {
        return ALLOC.buffer(bytes.length).writeBytes(bytes);
    }

    /** A payload for an expected {@link PublishPacket}; {@link #assertFixture} releases it. */
    static ByteBuf payload(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    static ByteBuf payload(byte[] bytes) {
        return Unpooled.copiedBuffer(bytes);
    }

    static void release(Object packet) {
        ReferenceCountUtil.release(packet);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The smallest CONNECT of each version: what a server decoder must read first [MQTT-3.1.0-1].

    /** MQTT 3.1: protocol name "MQIsdp", level 3, clean session, client id "c". */
    static final byte[] CONNECT_3_1 = concat(
            bytes(0x10), // CONNECT, flags 0
            bytes(0x0F), // remaining length 15
            bytes(0x00, 0x06, 'M', 'Q', 'I', 's', 'd', 'p'), // protocol name "MQIsdp"
            bytes(0x03), // protocol level 3 (3.1)
            bytes(0x02), // connect flags: clean session
            bytes(0x00, 0x3C), // keep alive 60 s
            bytes(0x00, 0x01, 'c') // client id "c"
            );

    /** MQTT 3.1.1: protocol name "MQTT", level 4, clean session, client id "c". */
    static final byte[] CONNECT_3_1_1 = concat(
            bytes(0x10), // CONNECT, flags 0
            bytes(0x0D), // remaining length 13
            bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
            bytes(0x04), // protocol level 4 (3.1.1)
            bytes(0x02), // connect flags: clean session
            bytes(0x00, 0x3C), // keep alive 60 s
            bytes(0x00, 0x01, 'c') // client id "c"
            );

    /** MQTT 5.0: protocol name "MQTT", level 5, clean start, no properties, client id "c". */
    static final byte[] CONNECT_5 = concat(
            bytes(0x10), // CONNECT, flags 0
            bytes(0x0E), // remaining length 14
            bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
            bytes(0x05), // protocol level 5 (5.0)
            bytes(0x02), // connect flags: clean start
            bytes(0x00, 0x3C), // keep alive 60 s
            bytes(0x00), // property length 0
            bytes(0x00, 0x01, 'c') // client id "c"
            );

    static byte[] connectFixture(MqttVersion version) {
        return switch (version) {
            case V3_1 -> CONNECT_3_1;
            case V3_1_1 -> CONNECT_3_1_1;
            case V5 -> CONNECT_5;
        };
    }

    /** A server-side decoder that has read the minimal CONNECT of {@code version}, ready for the next packet. */
    static MqttDecoder serverAfterConnect(MqttVersion version) {
        return serverAfterConnect(version, MAX_PACKET_SIZE);
    }

    static MqttDecoder serverAfterConnect(MqttVersion version, int maximumPacketSize) {
        MqttDecoder decoder = MqttDecoder.forServer(maximumPacketSize);
        ByteBuf in = buffer(connectFixture(version));
        try {
            MqttPacket connect = decoder.decode(in);
            assertThat(connect).isInstanceOf(ConnectPacket.class);
            assertThat(in.isReadable()).isFalse();
        } finally {
            in.release();
        }
        assertThat(decoder.version()).contains(version);
        return decoder;
    }

    /** Shorthand for {@link #serverAfterConnect(MqttVersion)}. */
    static MqttDecoder server(MqttVersion version) {
        return serverAfterConnect(version);
    }

    static MqttDecoder client(MqttVersion version) {
        return MqttDecoder.forClient(version, MAX_PACKET_SIZE);
    }

    /** The decoder that receives a packet going in {@code direction}; a CONNECT goes to a fresh server decoder. */
    static MqttDecoder receiver(Direction direction, MqttVersion version, MqttPacket packet) {
        if (direction == Direction.SERVER_TO_CLIENT) {
            return client(version);
        }
        return packet instanceof ConnectPacket ? MqttDecoder.forServer(MAX_PACKET_SIZE) : serverAfterConnect(version);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The fixture triangle.

    /**
     * Asserts that {@code fixture} decodes (in the receiving role) to exactly {@code expected}, consuming every byte,
     * that encoding {@code expected} yields exactly {@code fixture}, and that {@link MqttEncoder#encodedSize} is its
     * length. Releases {@code expected} (a PUBLISH owns its payload).
     */
    static void assertFixture(Direction direction, MqttVersion version, byte[] fixture, MqttPacket expected) {
        try {
            MqttDecoder decoder = receiver(direction, version, expected);
            ByteBuf in = buffer(fixture);
            MqttPacket decoded = null;
            try {
                decoded = decoder.decode(in);
                assertThat(decoded).as("decode of %s", hex(fixture)).isEqualTo(expected);
                assertThat(in.readableBytes()).as("bytes left after the packet").isZero();
                if (expected instanceof ConnectPacket) {
                    assertThat(decoder.version()).contains(version);
                }
            } finally {
                release(decoded);
                in.release();
            }

            ByteBuf out = new MqttEncoder().encode(ALLOC, expected, version);
            try {
                assertThat(hex(ByteBufUtil.getBytes(out)))
                        .as("encoding of %s", expected)
                        .isEqualTo(hex(fixture));
            } finally {
                out.release();
            }
            assertThat(MqttEncoder.encodedSize(expected, version))
                    .as("encodedSize")
                    .isEqualTo(fixture.length);
        } finally {
            release(expected);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Malformed-input checks.

    /**
     * Feeds {@code input} to {@code decoder}, expects a {@link MalformedPacketException} with the given reason code
     * and rule, and checks the aftermath: no slice of the input survives (nothing leaks), and the decoder refuses any
     * further use.
     */
    static MalformedPacketException assertRejected(
            MqttDecoder decoder, byte[] input, ReasonCode reasonCode, String rule) {
        ByteBuf in = buffer(input);
        try {
            MqttPacket packet;
            try {
                packet = decoder.decode(in);
            } catch (MalformedPacketException e) {
                assertThat(e.reasonCode())
                        .as("reason code of %s (%s)", hex(input), e)
                        .isEqualTo(reasonCode);
                assertThat(e.rule()).as("rule of %s (%s)", hex(input), e).isEqualTo(rule);
                assertThat(in.refCnt())
                        .as("the input is referenced by nothing else")
                        .isEqualTo(1);
                assertThatThrownBy(() -> decoder.decode(in))
                        .as("a failed decoder is unusable")
                        .isInstanceOf(IllegalStateException.class);
                return e;
            }
            release(packet);
            return fail("expected %s [%s] for %s, got %s", reasonCode, rule, hex(input), packet);
        } finally {
            in.release();
        }
    }

    /** Decodes one whole packet from {@code input}; the caller releases the result (a PUBLISH owns a payload). */
    static MqttPacket accept(MqttDecoder decoder, byte[] input) {
        ByteBuf in = buffer(input);
        try {
            MqttPacket packet = decoder.decode(in);
            assertThat(packet).as("decode of %s", hex(input)).isNotNull();
            assertThat(in.readableBytes()).as("bytes left after %s", packet).isZero();
            return packet;
        } finally {
            in.release();
        }
    }

    /** Asserts that {@code input} decodes as one whole packet of {@code type}, then releases the packet. */
    static void assertAccepted(MqttDecoder decoder, byte[] input, PacketType type) {
        MqttPacket packet = accept(decoder, input);
        try {
            assertThat(packet.type()).isEqualTo(type);
        } finally {
            release(packet);
        }
    }
}
