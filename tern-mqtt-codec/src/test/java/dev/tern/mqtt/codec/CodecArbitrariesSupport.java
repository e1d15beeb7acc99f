package dev.tern.mqtt.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.MqttArbitraries.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Shared plumbing of the round-trip properties and the fuzz targets: encoding with the real allocator, decoders in the
 * right role and state, the re-encode oracle, and buffer bookkeeping.
 *
 * <p>Buffers come from {@link ByteBufAllocator#DEFAULT}, so Netty's leak detector (paranoid in tests, see the root
 * pom's {@code test.argLine}) tracks every one of them, and {@link LeakLog} turns its reports into test failures.
 */
final class CodecArbitrariesSupport {
    /** Large enough for anything MQTT can frame: the decoders under test must never refuse a valid packet by size. */
    static final int UNLIMITED = VariableByteInteger.MAX_VALUE + 5;

    static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

    private CodecArbitrariesSupport() {}

    /** The smallest CONNECT of {@code version}, used to move a server decoder past its first packet. */
    static ConnectPacket minimalConnect(MqttVersion version) {
        return new ConnectPacket(
                version,
                "primer",
                true,
                60,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                MqttProperties.EMPTY);
    }

    private static final Map<MqttVersion, byte[]> CONNECT_BYTES = new EnumMap<>(MqttVersion.class);

    static {
        for (MqttVersion version : MqttVersion.values()) {
            ByteBuf encoded = new MqttEncoder().encode(ALLOC, minimalConnect(version), version);
            try {
                CONNECT_BYTES.put(version, ByteBufUtil.getBytes(encoded));
            } finally {
                encoded.release();
            }
        }
    }

    /** The encoding of {@link #minimalConnect}. */
    static byte[] connectBytes(MqttVersion version) {
        return CONNECT_BYTES.get(version).clone();
    }

    /** A server decoder that has accepted a CONNECT of {@code version}: it now decodes what a 3.1/3.1.1/5.0 client sends. */
    static MqttDecoder connectedServerDecoder(MqttVersion version, int maximumPacketSize) {
        MqttDecoder decoder = MqttDecoder.forServer(maximumPacketSize);
        ByteBuf connect = Unpooled.wrappedBuffer(CONNECT_BYTES.get(version));
        try {
            MqttPacket packet = decoder.decode(connect);
            if (!(packet instanceof ConnectPacket) || connect.isReadable()) {
                throw new AssertionError("the primer CONNECT did not decode: " + packet);
            }
        } finally {
            connect.release();
        }
        return decoder;
    }

    /** The decoder that reads what {@code direction}'s sender writes, ready for packets after CONNECT. */
    static MqttDecoder decoderFor(Direction direction, MqttVersion version) {
        return direction == Direction.CLIENT_TO_SERVER
                ? connectedServerDecoder(version, UNLIMITED)
                : MqttDecoder.forClient(version, UNLIMITED);
    }

    /**
     * The same packet with its PUBLISH payload copied into a buffer from {@link #ALLOC} (tracked by the leak detector);
     * other packets unchanged. The caller releases the result with {@link #release(MqttPacket)}.
     */
    static MqttPacket withTrackedPayload(MqttPacket packet) {
        if (packet instanceof PublishPacket publish) {
            ByteBuf source = publish.payload();
            ByteBuf copy = ALLOC.buffer(source.readableBytes())
                    .writeBytes(source, source.readerIndex(), source.readableBytes());
            return new PublishPacket(
                    publish.dup(),
                    publish.qos(),
                    publish.retainFlag(),
                    publish.topic(),
                    publish.packetId(),
                    publish.properties(),
                    copy);
        }
        return packet;
    }

    /**
     * A copy for comparisons: a PUBLISH gets its payload as a plain heap buffer, so that record equality compares the
     * bytes without going through the leak detector's wrappers (at the paranoid level every access through them records
     * a stack trace, which makes comparing multi-kilobyte payloads slow). Needs no release.
     */
    static MqttPacket comparable(MqttPacket packet) {
        if (packet instanceof PublishPacket publish) {
            return new PublishPacket(
                    publish.dup(),
                    publish.qos(),
                    publish.retainFlag(),
                    publish.topic(),
                    publish.packetId(),
                    publish.properties(),
                    Unpooled.wrappedBuffer(ByteBufUtil.getBytes(publish.payload())));
        }
        return packet;
    }

    static List<MqttPacket> comparable(List<? extends MqttPacket> packets) {
        return packets.stream().map(CodecArbitrariesSupport::comparable).toList();
    }

    static void release(MqttPacket packet) {
        ReferenceCountUtil.release(packet);
    }

    static void releaseAll(Collection<? extends MqttPacket> packets) {
        packets.forEach(CodecArbitrariesSupport::release);
    }

    /** Decodes until the decoder asks for more bytes; a {@link MalformedPacketException} releases what was decoded. */
    static List<MqttPacket> decodeAll(MqttDecoder decoder, ByteBuf in) {
        List<MqttPacket> packets = new ArrayList<>();
        try {
            while (true) {
                int before = in.readerIndex();
                MqttPacket packet = decoder.decode(in);
                if (packet == null) {
                    assertThat(in.readerIndex())
                            .as("an incomplete decode consumes nothing")
                            .isEqualTo(before);
                    return packets;
                }
                packets.add(packet);
                assertThat(in.readerIndex())
                        .as("a decoded packet consumes bytes")
                        .isGreaterThan(before);
            }
        } catch (RuntimeException | AssertionError e) {
            releaseAll(packets);
            throw e;
        }
    }

    /**
     * The round-trip property for one packet: its encoding has the size {@link MqttEncoder#encodedSize} predicts, and
     * the decoder of the receiving role reads it back whole as an equal record. Releases everything it allocates;
     * {@code packet} stays owned by the caller.
     */
    static void assertRoundTrip(MqttPacket packet, MqttVersion version, Direction direction) {
        MqttDecoder decoder =
                packet instanceof ConnectPacket ? MqttDecoder.forServer(UNLIMITED) : decoderFor(direction, version);
        ByteBuf encoded = new MqttEncoder().encode(ALLOC, packet, version);
        try {
            int size = encoded.readableBytes();
            assertThat(MqttEncoder.encodedSize(packet, version))
                    .as("encodedSize of %s", packet)
                    .isEqualTo(size);
            MqttPacket decoded = decoder.decode(encoded);
            try {
                assertThat(comparable(decoded))
                        .as("decoding %s", ByteBufUtil.hexDump(encoded, 0, Math.min(size, 512)))
                        .isEqualTo(comparable(packet));
                assertThat(encoded.readableBytes())
                        .as("bytes left after the packet")
                        .isZero();
                assertThat(decoder.decode(encoded)).as("nothing more to decode").isNull();
                if (packet instanceof ConnectPacket) {
                    assertThat(decoder.version()).contains(version);
                }
            } finally {
                release(decoded);
            }
        } finally {
            encoded.release();
        }
    }

    /**
     * Collects Netty's leak reports ("LEAK: ... release() was not called"), which the detector only logs, so that a
     * test can fail on them. Best effort by nature: a report appears only after the garbage collector has found the
     * lost buffer and a later allocation has polled the detector's queue; {@link #assertNoLeaks} forces both.
     */
    static final class LeakLog extends Handler {
        private static final Logger NETTY_LEAK_LOGGER = Logger.getLogger("io.netty.util.ResourceLeakDetector");
        private static final LeakLog INSTANCE = new LeakLog();

        static {
            NETTY_LEAK_LOGGER.addHandler(INSTANCE);
        }

        private final List<String> leaks = new CopyOnWriteArrayList<>();

        /**
         * Starts watching: makes the detector report whatever earlier tests in this JVM lost (they stay in the log,
         * where Netty prints them, but are not blamed on the caller) and forgets those reports.
         */
        static void start() {
            collectAndPoll();
            INSTANCE.leaks.clear();
        }

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.contains("LEAK")) {
                leaks.add(message);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        /** Collects garbage, allocates to make the detector report, and fails if anything leaked since {@link #start}. */
        static void assertNoLeaks() {
            collectAndPoll();
            assertThat(INSTANCE.leaks).as("Netty leak reports").isEmpty();
        }

        private static void collectAndPoll() {
            for (int round = 0; round < 3; round++) {
                System.gc();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                for (int i = 0; i < 64; i++) {
                    ALLOC.buffer(16).release();
                    ALLOC.heapBuffer(16).release();
                    ALLOC.directBuffer(16).release();
                }
            }
        }
    }
}
