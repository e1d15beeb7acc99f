package dev.tern.benchmarks;

import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.MqttDecoder;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttVersion;
import io.netty.buffer.ByteBuf;
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
 * Decode and encode of a typical device CONNECT ({@link Fixtures#connect}): client id, user name, password; 5.0 adds
 * three properties. Decode uses a new server decoder per call, since a decoder accepts one CONNECT only; that is also
 * what each new connection costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class ConnectCodecBenchmark {
    @Param({"V3_1_1", "V5"})
    public MqttVersion version;

    private final MqttEncoder encoder = new MqttEncoder();
    private ConnectPacket connect;
    private ByteBuf wire;

    @Setup(Level.Trial)
    public void setUp() {
        connect = Fixtures.connect(version);
        wire = Fixtures.wire(connect, version);
        if (!connect.equals(MqttDecoder.forServer(Fixtures.MAX_PACKET_SIZE).decode(wire))) {
            throw new IllegalStateException("CONNECT fixture does not round-trip");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        wire.release();
    }

    @Benchmark
    public void decode(Blackhole bh) {
        wire.readerIndex(0);
        bh.consume(MqttDecoder.forServer(Fixtures.MAX_PACKET_SIZE).decode(wire));
    }

    @Benchmark
    public void encode(Blackhole bh) {
        ByteBuf out = encoder.encode(Fixtures.ALLOC, connect, version);
        bh.consume(out);
        out.release();
    }
}
