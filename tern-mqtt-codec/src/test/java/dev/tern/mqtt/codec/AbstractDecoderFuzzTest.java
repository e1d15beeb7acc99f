package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.CodecArbitrariesSupport.comparable;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract every decoder fuzz target in {@link DecoderFuzzTest} checks (see docs/fuzzing.md).
 *
 * <p>For an input, the decoder decodes repeatedly until it asks for more bytes or throws {@link
 * MalformedPacketException}; anything else it throws, {@link Error}s included, is a finding. On top of that, each
 * decoded packet must:
 *
 * <ul>
 *   <li>re-encode with {@link MqttEncoder} to exactly {@link MqttEncoder#encodedSize} bytes, no more than the frame it
 *       was decoded from (the encoder writes the shortest form; the input may have spelled out optional parts);
 *   <li>decode again, with a fresh decoder in the same role and state, to an equal record, consuming all of it;
 *   <li>re-encode from that second decode to the very same bytes (the canonical form is a fixed point), this time
 *       with a copy threshold of {@value #SMALL_COPY_THRESHOLD} bytes, so that PUBLISH payloads also take the shared
 *       (composite) path whatever {@link MqttEncoder#DEFAULT_COPY_THRESHOLD} is.
 * </ul>
 *
 * <p>And for the input as a whole:
 *
 * <ul>
 *   <li>fed one byte at a time into a cumulation buffer, it decodes to the same packets and ends the same way (same
 *       rule and reason code if it fails): framing never depends on how the bytes arrive;
 *   <li>a decode that returns {@code null} consumes nothing, a packet consumes at least one byte, and a failed
 *       decoder refuses further use with {@link IllegalStateException};
 *   <li>no buffer leaks: every reference the decoder takes on the input (PUBLISH payloads are retained slices of it)
 *       is gone once the packets are released, and every encoding is freed by its release. These checks are exact
 *       reference counts, not the garbage-collector-driven leak detector, so they catch a leak on the very input that
 *       causes it.
 * </ul>
 *
 * <p>Buffers here come from an allocator without leak tracking on purpose: at the paranoid level every access through
 * a tracked buffer records a stack trace, which would cut fuzzing throughput by an order of magnitude and find nothing
 * the exact reference counts above do not.
 */
abstract class AbstractDecoderFuzzTest {
    /**
     * How long {@link DecoderFuzzTest#allEntryPoints} fuzzes in a normal build: the build's fuzzing budget, spread over
     * all seven entry points in one JVM. {@code -Djazzer.max_duration=...} overrides it (and {@link #SINGLE_RUN}).
     */
    static final String BUILD_RUN = "25s";

    /** How long one entry point's own target fuzzes when selected without {@code -Djazzer.max_duration}. */
    static final String SINGLE_RUN = "30s";

    /** The decoders' maximum packet size: small enough that the fuzzer reaches the limit check with a 3-byte length. */
    static final int MAXIMUM_PACKET_SIZE = 1 << 20;

    /** The second re-encoding's copy threshold: larger payloads are shared, not copied. */
    static final int SMALL_COPY_THRESHOLD = 16;

    private static final ByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false, true);

    /** A decoder entry point: which role, and for a server whether it has already read a CONNECT of some version. */
    record Target(boolean serverSide, MqttVersion version) {
        static Target serverFromScratch() {
            return new Target(true, null);
        }

        static Target connectedServer(MqttVersion version) {
            return new Target(true, Objects.requireNonNull(version));
        }

        static Target client(MqttVersion version) {
            return new Target(false, Objects.requireNonNull(version));
        }

        MqttDecoder newDecoder() {
            if (!serverSide) {
                return MqttDecoder.forClient(version, MAXIMUM_PACKET_SIZE);
            }
            return version == null
                    ? MqttDecoder.forServer(MAXIMUM_PACKET_SIZE)
                    : CodecArbitrariesSupport.connectedServerDecoder(version, MAXIMUM_PACKET_SIZE);
        }

        /** A decoder in the state in which {@code packet}, of {@code packetVersion}, may arrive. */
        MqttDecoder decoderFor(MqttPacket packet, MqttVersion packetVersion) {
            if (!serverSide) {
                return MqttDecoder.forClient(packetVersion, MAXIMUM_PACKET_SIZE);
            }
            return packet instanceof ConnectPacket
                    ? MqttDecoder.forServer(MAXIMUM_PACKET_SIZE)
                    : CodecArbitrariesSupport.connectedServerDecoder(packetVersion, MAXIMUM_PACKET_SIZE);
        }
    }

    /** The seven decoder entry points, each with the {@link DecoderFuzzTest} method that fuzzes it alone. */
    enum EntryPoint {
        SERVER_FROM_FIRST_BYTE("serverFromFirstByte", Target.serverFromScratch()),
        SERVER_AFTER_V3_1_CONNECT("serverAfterV31Connect", Target.connectedServer(MqttVersion.V3_1)),
        SERVER_AFTER_V3_1_1_CONNECT("serverAfterV311Connect", Target.connectedServer(MqttVersion.V3_1_1)),
        SERVER_AFTER_V5_CONNECT("serverAfterV5Connect", Target.connectedServer(MqttVersion.V5)),
        CLIENT_V3_1("clientV31", Target.client(MqttVersion.V3_1)),
        CLIENT_V3_1_1("clientV311", Target.client(MqttVersion.V3_1_1)),
        CLIENT_V5("clientV5", Target.client(MqttVersion.V5));

        private final String fuzzTestMethod;
        private final Target target;

        EntryPoint(String fuzzTestMethod, Target target) {
            this.fuzzTestMethod = fuzzTestMethod;
            this.target = target;
        }

        /** The {@link DecoderFuzzTest} method, which is also the name of its inputs directory. */
        String fuzzTestMethod() {
            return fuzzTestMethod;
        }

        Target target() {
            return target;
        }
    }

    /**
     * {@link DecoderFuzzTest#allEntryPoints}' contract: the first byte picks the entry point (modulo seven, in {@link
     * EntryPoint} order), the rest is that entry point's input.
     */
    static void fuzzAnyEntryPoint(byte[] input) {
        if (input.length == 0) {
            return;
        }
        EntryPoint[] entryPoints = EntryPoint.values();
        fuzz(Arrays.copyOfRange(input, 1, input.length), entryPoints[(input[0] & 0xFF) % entryPoints.length].target());
    }

    /** A property of the codec the input broke: the fuzzer reports it as a finding, with the input in hex. */
    static final class FuzzFinding extends AssertionError {
        private static final long serialVersionUID = 1L;

        FuzzFinding(String message, byte[] input) {
            super(message + "\n  input (" + input.length + " bytes): "
                    + HexFormat.of().formatHex(input, 0, Math.min(input.length, 256))
                    + (input.length > 256 ? "..." : ""));
        }
    }

    /** How one decoder consumed one input. */
    private record Outcome(List<MqttPacket> packets, List<MqttVersion> versions, MalformedPacketException failure) {
        void release() {
            packets.forEach(CodecArbitrariesSupport::release);
        }

        String describeFailure() {
            return failure == null
                    ? "no failure"
                    : failure.rule() + " " + failure.reasonCode() + ": " + failure.getMessage();
        }
    }

    /** Runs the whole contract for one input. */
    static void fuzz(byte[] input, Target target) {
        ByteBuf whole = Unpooled.wrappedBuffer(input.clone());
        Outcome outcome = decodeWhole(whole, target, input);
        try {
            for (int i = 0; i < outcome.packets().size(); i++) {
                checkReencoding(outcome.packets().get(i), outcome.versions().get(i), target, input);
            }
            checkByteByByte(outcome, target, input);
        } finally {
            outcome.release();
        }
        if (whole.refCnt() != 1) {
            throw new FuzzFinding(
                    "the decoder kept " + (whole.refCnt() - 1) + " reference(s) to the input after every packet was"
                            + " released",
                    input);
        }
        whole.release();
    }

    private static Outcome decodeWhole(ByteBuf in, Target target, byte[] input) {
        MqttDecoder decoder = target.newDecoder();
        List<MqttPacket> packets = new ArrayList<>();
        List<MqttVersion> versions = new ArrayList<>();
        MalformedPacketException failure = null;
        try {
            while (true) {
                int before = in.readerIndex();
                MqttPacket packet;
                try {
                    packet = decoder.decode(in);
                } catch (MalformedPacketException e) {
                    failure = e;
                    break;
                }
                if (packet == null) {
                    if (in.readerIndex() != before) {
                        throw new FuzzFinding(
                                "an incomplete decode consumed " + (in.readerIndex() - before) + " bytes", input);
                    }
                    break;
                }
                packets.add(packet);
                MqttVersion version = decoder.version()
                        .orElseThrow(() -> new FuzzFinding("a packet decoded but the version is unknown", input));
                versions.add(version);
                int consumed = in.readerIndex() - before;
                if (consumed <= 0) {
                    throw new FuzzFinding("decoded " + packet + " without consuming a byte", input);
                }
                int canonical = MqttEncoder.encodedSize(packet, version);
                if (canonical > consumed) {
                    throw new FuzzFinding(
                            "encodedSize " + canonical + " of " + packet + " exceeds the " + consumed
                                    + " bytes it was decoded from",
                            input);
                }
            }
            if (failure != null) {
                try {
                    decoder.decode(in);
                    throw new FuzzFinding("a failed decoder decoded again", input);
                } catch (IllegalStateException expected) {
                    // documented: the connection must be closed
                }
            }
        } catch (RuntimeException | Error e) {
            packets.forEach(CodecArbitrariesSupport::release);
            throw e;
        }
        return new Outcome(packets, versions, failure);
    }

    /** The strong oracle: the decoded packet survives encode, decode, encode unchanged. */
    private static void checkReencoding(MqttPacket packet, MqttVersion version, Target target, byte[] input) {
        MqttEncoder encoder = new MqttEncoder();
        int payloadReferences = packet instanceof PublishPacket publish ? publish.refCnt() : -1;
        ByteBuf encoded;
        try {
            encoded = encoder.encode(ALLOC, packet, version);
        } catch (RuntimeException e) {
            throw finding("encoding the decoded " + packet + " threw " + e, input, e);
        }
        MqttPacket again = null;
        ByteBuf reencoded = null;
        try {
            int size = encoded.readableBytes();
            if (size != MqttEncoder.encodedSize(packet, version)) {
                throw new FuzzFinding(
                        "encodedSize " + MqttEncoder.encodedSize(packet, version) + " but the encoding of " + packet
                                + " has " + size + " bytes",
                        input);
            }
            byte[] canonical = ByteBufUtil.getBytes(encoded);
            MqttDecoder decoder = target.decoderFor(packet, version);
            try {
                again = decoder.decode(encoded);
            } catch (MalformedPacketException e) {
                throw finding(
                        "the decoder rejects the encoding of a packet it decoded: " + packet + " encoded as "
                                + HexFormat.of().formatHex(canonical) + ": " + e,
                        input,
                        e);
            }
            if (again == null || encoded.isReadable()) {
                throw new FuzzFinding(
                        "the encoding of " + packet + " (" + HexFormat.of().formatHex(canonical)
                                + ") does not decode as exactly one packet: " + again,
                        input);
            }
            if (!comparable(again).equals(comparable(packet))) {
                throw new FuzzFinding("decoded " + packet + ", but its encoding decodes as " + again, input);
            }
            if (packet instanceof ConnectPacket && !decoder.version().equals(Optional.of(version))) {
                throw new FuzzFinding("re-decoding " + packet + " gives version " + decoder.version(), input);
            }
            reencoded = new MqttEncoder(SMALL_COPY_THRESHOLD).encode(ALLOC, again, version);
            if (!ByteBufUtil.equals(reencoded, Unpooled.wrappedBuffer(canonical))) {
                throw new FuzzFinding(
                        "the encoding of " + packet + " is not a fixed point: "
                                + HexFormat.of().formatHex(canonical) + " then " + ByteBufUtil.hexDump(reencoded),
                        input);
            }
        } finally {
            // Release in dependency order: the re-encoding may share the second decode's payload, which is a retained
            // slice of the first encoding.
            boolean freed = reencoded == null || reencoded.release();
            if (again != null) {
                CodecArbitrariesSupport.release(again);
            }
            freed &= encoded.release();
            if (!freed) {
                throw new FuzzFinding("an encoding of " + packet + " was still referenced after its release", input);
            }
        }
        if (packet instanceof PublishPacket publish && publish.refCnt() != payloadReferences) {
            throw new FuzzFinding(
                    "encoding changed the payload's reference count from " + payloadReferences + " to "
                            + publish.refCnt(),
                    input);
        }
    }

    /** The input fed one byte at a time must decode exactly like the input in one piece. */
    private static void checkByteByByte(Outcome whole, Target target, byte[] input) {
        MqttDecoder decoder = target.newDecoder();
        ByteBuf cumulation = Unpooled.wrappedBuffer(new byte[input.length]).clear();
        List<MqttPacket> packets = new ArrayList<>();
        List<MqttVersion> versions = new ArrayList<>();
        MalformedPacketException failure = null;
        try {
            feed:
            for (byte b : input) {
                cumulation.writeByte(b);
                while (true) {
                    int before = cumulation.readerIndex();
                    MqttPacket packet;
                    try {
                        packet = decoder.decode(cumulation);
                    } catch (MalformedPacketException e) {
                        failure = e;
                        break feed;
                    }
                    if (packet == null) {
                        if (cumulation.readerIndex() != before) {
                            throw new FuzzFinding("an incomplete decode consumed bytes (byte by byte)", input);
                        }
                        break;
                    }
                    packets.add(packet);
                    versions.add(decoder.version().orElseThrow());
                }
            }
            Outcome chunked = new Outcome(packets, versions, failure);
            if (!comparable(packets).equals(comparable(whole.packets())) || !versions.equals(whole.versions())) {
                throw new FuzzFinding("byte by byte decodes " + packets + ", in one piece " + whole.packets(), input);
            }
            if (!chunked.describeFailure().equals(whole.describeFailure())) {
                throw new FuzzFinding(
                        "byte by byte ends with " + chunked.describeFailure() + ", in one piece with "
                                + whole.describeFailure(),
                        input);
            }
        } finally {
            packets.forEach(CodecArbitrariesSupport::release);
        }
        if (cumulation.refCnt() != 1) {
            throw new FuzzFinding("the decoder kept references to the cumulation buffer (byte by byte)", input);
        }
        cumulation.release();
    }

    private static FuzzFinding finding(String message, byte[] input, Throwable cause) {
        FuzzFinding finding = new FuzzFinding(message, input);
        finding.initCause(cause);
        return finding;
    }
}
