package dev.tern.benchmarks;

import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PublishPacket;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encode of one outbound PUBLISH, the work the broker does per subscriber. The packet is the one of
 * {@link PublishDecodeBenchmark}, obtained by decoding its wire bytes, so that its payload is what a broker forwards: a
 * retained slice of a pooled receive buffer.
 *
 * <ul>
 *   <li>{@link #encode}: the production encoder ({@link MqttEncoder#DEFAULT_COPY_THRESHOLD}) for the version × payload
 *       matrix of the decode benchmark, then release.
 *   <li>{@link #encodeOnly} and {@link #encodeAndWrite}: copy versus share. {@code COPY} is {@code new
 *       MqttEncoder(Integer.MAX_VALUE)} (header and payload copied into one buffer), {@code SHARE} is {@code new
 *       MqttEncoder(0)} (header buffer plus a retained duplicate of the payload in a composite). {@code
 *       encodeAndWrite} adds what the socket write does with the result: Netty's NIO and epoll transports take one
 *       buffer through {@code internalNioBuffer} and a composite through {@code nioBuffers()}, and the kernel copies
 *       the bytes out; here they are copied into a preallocated direct {@link ByteBuffer} standing for the socket.
 *       Whichever strategy wins {@code encodeAndWrite} at a payload size is where the threshold belongs. On a machine
 *       shared with other work, read it together with {@link CopyVsSharePaired}, which measures the same operation
 *       paired and interleaved.
 * </ul>
 *
 * <p>Allocation per operation from {@code -prof gc} counts heap objects only: pooled buffer memory is reused and is not
 * in it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class PublishEncodeBenchmark {

    /** The decode benchmark's matrix, with the production encoder. */
    @State(Scope.Thread)
    public static class Matrix {
        @Param({"V3_1_1", "V5"})
        public MqttVersion version;

        @Param({"64", "4096"})
        public int payloadSize;

        final MqttEncoder encoder = new MqttEncoder();
        ForwardedPublish publish;

        @Setup(Level.Trial)
        public void setUp() {
            publish = new ForwardedPublish(version, payloadSize);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            publish.release();
        }
    }

    /** Always copy or always share, over the payload sizes around the threshold; MQTT 5.0 with the same properties. */
    @State(Scope.Thread)
    public static class CopyVsShare {
        /** COPY: threshold {@code Integer.MAX_VALUE}; SHARE: threshold 0. */
        @Param({"COPY", "SHARE"})
        public String strategy;

        @Param({"64", "256", "1024", "4096", "16384", "32768", "65536"})
        public int size;

        MqttEncoder encoder;
        ForwardedPublish publish;
        ByteBuffer socket;

        @Setup(Level.Trial)
        public void setUp() {
            encoder = switch (strategy) {
                case "COPY" -> new MqttEncoder(Integer.MAX_VALUE);
                case "SHARE" -> new MqttEncoder(0);
                default -> throw new IllegalArgumentException(strategy);
            };
            publish = new ForwardedPublish(MqttVersion.V5, size);
            socket = ByteBuffer.allocateDirect(size + 1024);
            ByteBuf probe = encoder.encode(Fixtures.ALLOC, publish.packet, MqttVersion.V5);
            try {
                int expected = "COPY".equals(strategy) ? 1 : 2;
                if (probe.nioBufferCount() != expected) {
                    throw new IllegalStateException(strategy + " gave " + probe.nioBufferCount() + " segments");
                }
            } finally {
                probe.release();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            publish.release();
        }
    }

    @Benchmark
    public void encode(Matrix state, Blackhole bh) {
        ByteBuf out = state.encoder.encode(Fixtures.ALLOC, state.publish.packet, state.version);
        bh.consume(out);
        out.release();
    }

    @Benchmark
    public void encodeOnly(CopyVsShare state, Blackhole bh) {
        ByteBuf out = state.encoder.encode(Fixtures.ALLOC, state.publish.packet, MqttVersion.V5);
        bh.consume(out);
        out.release();
    }

    @Benchmark
    public void encodeAndWrite(CopyVsShare state, Blackhole bh) {
        ByteBuf out = state.encoder.encode(Fixtures.ALLOC, state.publish.packet, MqttVersion.V5);
        ByteBuffer socket = state.socket;
        socket.clear();
        SocketSink.write(out, socket);
        bh.consume(socket.position());
        out.release();
    }

    /** A PUBLISH as the broker holds it after decoding: payload sliced from the pooled wire buffer. */
    static final class ForwardedPublish {
        final ByteBuf wire;
        final PublishPacket packet;

        ForwardedPublish(MqttVersion version, int payloadSize) {
            PublishPacket original = Fixtures.publish(version, payloadSize);
            try {
                wire = Fixtures.wire(original, version);
            } finally {
                original.release();
            }
            packet = (PublishPacket) Fixtures.primedServerDecoder(version).decode(wire);
            wire.release(); // the packet's payload slice now holds the only reference
        }

        void release() {
            if (packet.refCnt() != 1) {
                throw new IllegalStateException("encoded buffers leaked: payload refCnt " + packet.refCnt());
            }
            packet.release();
        }
    }
}
