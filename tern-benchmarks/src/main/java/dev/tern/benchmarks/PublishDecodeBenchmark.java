package dev.tern.benchmarks;

import dev.tern.mqtt.codec.MqttDecoder;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PublishPacket;
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
 * Server-side decode of one inbound PUBLISH (QoS 1, 38-byte topic; 5.0 with three properties): framing, limit check,
 * topic validation, properties, and the retained payload slice, then its release, as the pipeline would do.
 *
 * <p>One decoder, primed with the CONNECT of the version, reads the same pre-encoded bytes again and again (the reader
 * index is reset before each call); the decoder keeps no per-packet state, so each call does exactly the work of a
 * fresh PUBLISH on an established connection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class PublishDecodeBenchmark {
    @Param({"V3_1_1", "V5"})
    public MqttVersion version;

    @Param({"64", "4096"})
    public int payloadSize;

    private MqttDecoder decoder;
    private ByteBuf wire;

    @Setup(Level.Trial)
    public void setUp() {
        decoder = Fixtures.primedServerDecoder(version);
        PublishPacket publish = Fixtures.publish(version, payloadSize);
        try {
            wire = Fixtures.wire(publish, version);
        } finally {
            publish.release();
        }
        MqttPacket check = decoder.decode(wire);
        if (!(check instanceof PublishPacket decoded) || decoded.payload().readableBytes() != payloadSize) {
            throw new IllegalStateException("fixture does not decode to the PUBLISH: " + check);
        }
        decoded.release();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (wire.refCnt() != 1) {
            throw new IllegalStateException("decoded payloads leaked: wire refCnt " + wire.refCnt());
        }
        wire.release();
    }

    @Benchmark
    public void decode(Blackhole bh) {
        wire.readerIndex(0);
        PublishPacket packet = (PublishPacket) decoder.decode(wire);
        bh.consume(packet);
        packet.release();
    }
}
