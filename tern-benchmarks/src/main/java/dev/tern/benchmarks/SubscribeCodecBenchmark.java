package dev.tern.benchmarks;

import dev.tern.mqtt.codec.MqttDecoder;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.SubscribePacket;
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
 * Decode (server side, topic filter validation included) and encode of a SUBSCRIBE with 1 and 10 filters
 * ({@link Fixtures#subscribe}), MQTT 5.0 without properties.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SubscribeCodecBenchmark {
    private static final MqttVersion VERSION = MqttVersion.V5;

    @Param({"1", "10"})
    public int filters;

    private final MqttEncoder encoder = new MqttEncoder();
    private MqttDecoder decoder;
    private SubscribePacket subscribe;
    private ByteBuf wire;

    @Setup(Level.Trial)
    public void setUp() {
        decoder = Fixtures.primedServerDecoder(VERSION);
        subscribe = Fixtures.subscribe(filters);
        wire = Fixtures.wire(subscribe, VERSION);
        if (!subscribe.equals(decoder.decode(wire))) {
            throw new IllegalStateException("SUBSCRIBE fixture does not round-trip");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        wire.release();
    }

    @Benchmark
    public void decode(Blackhole bh) {
        wire.readerIndex(0);
        bh.consume(decoder.decode(wire));
    }

    @Benchmark
    public void encode(Blackhole bh) {
        ByteBuf out = encoder.encode(Fixtures.ALLOC, subscribe, VERSION);
        bh.consume(out);
        out.release();
    }
}
