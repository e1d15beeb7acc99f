package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.CodecArbitrariesSupport.ALLOC;
import static dev.tern.mqtt.codec.CodecArbitrariesSupport.UNLIMITED;
import static dev.tern.mqtt.codec.CodecArbitrariesSupport.assertRoundTrip;
import static dev.tern.mqtt.codec.CodecArbitrariesSupport.comparable;
import static dev.tern.mqtt.codec.CodecArbitrariesSupport.decodeAll;
import static dev.tern.mqtt.codec.CodecArbitrariesSupport.decoderFor;
import static dev.tern.mqtt.codec.CodecArbitrariesSupport.release;
import static dev.tern.mqtt.codec.CodecArbitrariesSupport.releaseAll;
import static dev.tern.mqtt.codec.CodecArbitrariesSupport.withTrackedPayload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.CodecArbitrariesSupport.LeakLog;
import dev.tern.mqtt.codec.MqttArbitraries.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Encode-then-decode properties over every packet type of every version: the decoder of the receiving role gives back
 * an equal record, consumes exactly the encoded bytes, and {@link MqttEncoder#encodedSize} predicts the length.
 */
@PropertyDefaults(edgeCases = EdgeCasesMode.NONE) // see MqttArbitraries.withEdges
class PacketRoundTripTest {
    /** A packet with the version it is encoded for and the side that sends it. */
    record Versioned(MqttVersion version, Direction direction, MqttPacket packet) {}

    @BeforeContainer
    static void watchForLeaks() {
        LeakLog.start();
    }

    @AfterContainer
    static void noLeaks() {
        LeakLog.assertNoLeaks();
    }

    @Property(tries = 300)
    void connectRoundTrips(@ForAll("connects") Versioned connect) {
        roundTripOwned(connect);
    }

    @Property(tries = 400)
    void clientPacketsRoundTrip(@ForAll("clientPackets") Versioned versioned) {
        roundTripOwned(versioned);
    }

    @Property(tries = 400)
    void serverPacketsRoundTrip(@ForAll("serverPackets") Versioned versioned) {
        roundTripOwned(versioned);
    }

    /**
     * PUBLISH on both sides of the copy threshold: up to {@link MqttEncoder#DEFAULT_COPY_THRESHOLD} the payload is
     * copied behind the header, above it the encoding is a composite sharing the payload; either way the payload's
     * reference count is back where it was once the encoding is released.
     */
    @Property(tries = 200)
    void publishRoundTripsCopiedAndShared(@ForAll("publishesAroundThreshold") Versioned versioned) {
        MqttPacket packet = withTrackedPayload(versioned.packet());
        try {
            PublishPacket publish = (PublishPacket) packet;
            int payloadSize = publish.payload().readableBytes();
            ByteBuf encoded = new MqttEncoder().encode(ALLOC, publish, versioned.version());
            try {
                assertThat(encoded instanceof CompositeByteBuf)
                        .as("shared (composite) encoding for a %d-byte payload", payloadSize)
                        .isEqualTo(payloadSize > MqttEncoder.DEFAULT_COPY_THRESHOLD);
                assertThat(publish.refCnt()).isEqualTo(payloadSize > MqttEncoder.DEFAULT_COPY_THRESHOLD ? 2 : 1);
            } finally {
                encoded.release();
            }
            assertThat(publish.refCnt())
                    .as("payload references after releasing the encoding")
                    .isEqualTo(1);
            assertRoundTrip(publish, versioned.version(), versioned.direction());
        } finally {
            release(packet);
        }
    }

    /** Any copy threshold: composite exactly when the payload is larger, same bytes on the wire either way. */
    @Property(tries = 200)
    void copyThresholdOnlyChangesTheBufferLayout(
            @ForAll("serverPublishes") Versioned versioned, @ForAll @IntRange(min = 0, max = 2048) int threshold) {
        MqttPacket packet = withTrackedPayload(versioned.packet());
        ByteBuf shared = new MqttEncoder(threshold).encode(ALLOC, packet, versioned.version());
        ByteBuf copied = new MqttEncoder(Integer.MAX_VALUE).encode(ALLOC, packet, versioned.version());
        try {
            int payloadSize = ((PublishPacket) packet).payload().readableBytes();
            assertThat(shared instanceof CompositeByteBuf).isEqualTo(payloadSize > threshold);
            assertThat(copied instanceof CompositeByteBuf).isFalse();
            assertThat(ByteBufUtil.getBytes(shared)).isEqualTo(ByteBufUtil.getBytes(copied));
        } finally {
            shared.release();
            copied.release();
            release(packet);
        }
        roundTripOwned(versioned);
    }

    /**
     * The encoder's copy threshold for {@link #arbitraryChunkingDecodesTheSamePackets}: low, so that payloads of a few
     * hundred bytes already take the shared (composite) path and span many chunks, whatever the default threshold is.
     */
    private static final int STREAM_COPY_THRESHOLD = 256;

    /**
     * A stream of packets cut into arbitrary chunks and fed through a cumulation buffer (as Netty's
     * {@code ByteToMessageDecoder} does, merging or composing) decodes to the same packets as the whole stream at once.
     */
    @Property(tries = 200)
    void arbitraryChunkingDecodesTheSamePackets(
            @ForAll("streams") Stream stream,
            @ForAll("chunkSizes") List<Integer> chunkSizes,
            @ForAll boolean composite) {
        List<MqttPacket> sent = new ArrayList<>();
        stream.packets().forEach(packet -> sent.add(withTrackedPayload(packet)));
        ByteBuf wire = ALLOC.buffer();
        List<MqttPacket> whole = List.of();
        List<MqttPacket> chunked = new ArrayList<>();
        Cumulation cumulation = composite ? new CompositeCumulation() : new MergeCumulation();
        try {
            MqttEncoder encoder = new MqttEncoder(STREAM_COPY_THRESHOLD);
            for (MqttPacket packet : sent) {
                ByteBuf encoded = encoder.encode(ALLOC, packet, stream.version());
                wire.writeBytes(encoded);
                encoded.release();
            }

            whole = decodeAll(stream.newDecoder(), wire.duplicate());
            List<MqttPacket> expected = comparable(sent);
            assertThat(comparable(whole)).isEqualTo(expected);

            MqttDecoder decoder = stream.newDecoder();
            int offset = 0;
            for (int i = 0; offset < wire.writerIndex(); i++) {
                int length = Math.min(chunkSizes.get(i % chunkSizes.size()), wire.writerIndex() - offset);
                // Each chunk in its own buffer, as each socket read arrives.
                cumulation.append(ALLOC.buffer(length).writeBytes(wire, offset, length));
                offset += length;
                chunked.addAll(decodeAll(decoder, cumulation.buffer()));
            }
            assertThat(comparable(chunked)).isEqualTo(expected);
            assertThat(cumulation.buffer().isReadable())
                    .as("bytes left in the cumulation")
                    .isFalse();
        } finally {
            releaseAll(sent);
            releaseAll(whole);
            releaseAll(chunked);
            cumulation.release();
            wire.release();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Round trip of a generated packet whose PUBLISH payload is first copied into a tracked buffer. */
    private static void roundTripOwned(Versioned versioned) {
        MqttPacket packet = withTrackedPayload(versioned.packet());
        try {
            assertRoundTrip(packet, versioned.version(), versioned.direction());
        } finally {
            release(packet);
        }
    }

    @Provide
    Arbitrary<Versioned> connects() {
        return Arbitraries.of(MqttVersion.class)
                .flatMap(version -> MqttArbitraries.connect(version)
                        .map(packet -> new Versioned(version, Direction.CLIENT_TO_SERVER, packet)));
    }

    @Provide
    Arbitrary<Versioned> clientPackets() {
        return Arbitraries.of(MqttVersion.class)
                .flatMap(version -> MqttArbitraries.clientPacket(version)
                        .map(packet -> new Versioned(version, Direction.CLIENT_TO_SERVER, packet)));
    }

    @Provide
    Arbitrary<Versioned> serverPackets() {
        return Arbitraries.of(MqttVersion.class)
                .flatMap(version -> MqttArbitraries.serverPacket(version)
                        .map(packet -> new Versioned(version, Direction.SERVER_TO_CLIENT, packet)));
    }

    /** Payloads just below, at and above the copy threshold, and far on either side, from both sides. */
    @Provide
    Arbitrary<Versioned> publishesAroundThreshold() {
        int threshold = MqttEncoder.DEFAULT_COPY_THRESHOLD;
        return Combinators.combine(Arbitraries.of(MqttVersion.class), Arbitraries.of(Direction.class))
                .flatAs((version, direction) -> Arbitraries.oneOf(
                                MqttArbitraries.publish(version, direction, 0, 16),
                                MqttArbitraries.publish(version, direction, threshold - 2, threshold + 2),
                                MqttArbitraries.publish(version, direction, threshold + 3, threshold + 16_384))
                        .map(packet -> new Versioned(version, direction, packet)));
    }

    @Provide
    Arbitrary<Versioned> serverPublishes() {
        return Arbitraries.of(MqttVersion.class)
                .flatMap(version -> MqttArbitraries.publish(version, Direction.SERVER_TO_CLIENT, 0, 4096)
                        .map(packet -> new Versioned(version, Direction.SERVER_TO_CLIENT, packet)));
    }

    /** The packets one side sends on one connection, for one version; a client's stream starts with CONNECT. */
    record Stream(MqttVersion version, Direction direction, List<MqttPacket> packets) {
        MqttDecoder newDecoder() {
            return direction == Direction.CLIENT_TO_SERVER
                    ? MqttDecoder.forServer(UNLIMITED)
                    : decoderFor(Direction.SERVER_TO_CLIENT, version);
        }
    }

    @Provide
    Arbitrary<Stream> streams() {
        return Combinators.combine(Arbitraries.of(MqttVersion.class), Arbitraries.of(Direction.class))
                .flatAs((version, direction) -> {
                    Arbitrary<MqttPacket> large = MqttArbitraries.publish(
                                    version, direction, STREAM_COPY_THRESHOLD + 1, 4096)
                            .map(packet -> (MqttPacket) packet);
                    Arbitrary<MqttPacket> any = Arbitraries.frequencyOf(
                            Tuple.of(8, MqttArbitraries.packet(version, direction)), Tuple.of(1, large));
                    Arbitrary<List<MqttPacket>> body = any.list().ofMinSize(1).ofMaxSize(8);
                    if (direction == Direction.SERVER_TO_CLIENT) {
                        return body.map(packets -> new Stream(version, direction, packets));
                    }
                    return Combinators.combine(MqttArbitraries.connect(version), body)
                            .as((connect, packets) -> {
                                List<MqttPacket> all = new ArrayList<>();
                                all.add(connect);
                                all.addAll(packets);
                                return new Stream(version, direction, all);
                            });
                });
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(1, 8)),
                        Tuple.of(2, Arbitraries.integers().between(1, 300)),
                        Tuple.of(1, Arbitraries.integers().between(1, 5000)))
                .list()
                .ofMinSize(1)
                .ofMaxSize(20);
    }

    /** The receive buffer of a connection, as Netty's {@code ByteToMessageDecoder} keeps it. */
    private interface Cumulation {
        /** Takes ownership of {@code chunk}. */
        void append(ByteBuf chunk);

        ByteBuf buffer();

        void release();
    }

    /**
     * Like {@code ByteToMessageDecoder.MERGE_CUMULATOR}: copies into one buffer, and into a fresh one when the current
     * one is shared (a decoded PUBLISH still holds a slice of it) or too small, so that no slice ever sees its bytes
     * move.
     */
    private static final class MergeCumulation implements Cumulation {
        private ByteBuf buffer = ALLOC.buffer(0);

        @Override
        public void append(ByteBuf chunk) {
            try {
                if (buffer.refCnt() > 1 || buffer.maxWritableBytes() < chunk.readableBytes()) {
                    ByteBuf bigger = ALLOC.buffer(buffer.readableBytes() + chunk.readableBytes());
                    bigger.writeBytes(buffer);
                    buffer.release();
                    buffer = bigger;
                } else if (buffer.refCnt() == 1) {
                    buffer.discardSomeReadBytes();
                }
                buffer.writeBytes(chunk);
            } finally {
                chunk.release();
            }
        }

        @Override
        public ByteBuf buffer() {
            return buffer;
        }

        @Override
        public void release() {
            buffer.release();
        }
    }

    /** Like {@code ByteToMessageDecoder.COMPOSITE_CUMULATOR}: chunks become components, nothing is copied. */
    private static final class CompositeCumulation implements Cumulation {
        private final CompositeByteBuf buffer = ALLOC.compositeBuffer(Integer.MAX_VALUE);

        @Override
        public void append(ByteBuf chunk) {
            buffer.addComponent(true, chunk);
        }

        @Override
        public ByteBuf buffer() {
            return buffer;
        }

        @Override
        public void release() {
            buffer.release();
        }
    }
}
