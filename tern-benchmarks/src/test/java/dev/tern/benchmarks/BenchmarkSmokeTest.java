package dev.tern.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.MqttVersion;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs every benchmark body once per parameter value, without JMH, so that `mvn verify` catches a benchmark whose
 * fixture no longer round-trips or that leaks buffers (the build runs tests with Netty's paranoid leak detector). It
 * measures nothing; JMH runs only through benchmarks.jar.
 */
class BenchmarkSmokeTest {
    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void publishDecode() {
        for (MqttVersion version : new MqttVersion[] {MqttVersion.V3_1_1, MqttVersion.V5}) {
            for (int size : new int[] {64, 4096}) {
                PublishDecodeBenchmark benchmark = new PublishDecodeBenchmark();
                benchmark.version = version;
                benchmark.payloadSize = size;
                benchmark.setUp();
                benchmark.decode(BLACKHOLE);
                benchmark.decode(BLACKHOLE);
                benchmark.tearDown();
            }
        }
    }

    @Test
    void publishEncode() {
        PublishEncodeBenchmark benchmark = new PublishEncodeBenchmark();
        for (MqttVersion version : new MqttVersion[] {MqttVersion.V3_1_1, MqttVersion.V5}) {
            for (int size : new int[] {64, 4096}) {
                PublishEncodeBenchmark.Matrix state = new PublishEncodeBenchmark.Matrix();
                state.version = version;
                state.payloadSize = size;
                state.setUp();
                benchmark.encode(state, BLACKHOLE);
                state.tearDown();
            }
        }
    }

    @Test
    void copyVsShareWritesTheSameBytes() {
        PublishEncodeBenchmark benchmark = new PublishEncodeBenchmark();
        for (int size : new int[] {64, 256, 1024, 4096, 16384, 32768, 65536}) {
            byte[][] written = new byte[2][];
            String[] strategies = {"COPY", "SHARE"};
            for (int i = 0; i < strategies.length; i++) {
                PublishEncodeBenchmark.CopyVsShare state = new PublishEncodeBenchmark.CopyVsShare();
                state.strategy = strategies[i];
                state.size = size;
                state.setUp();
                benchmark.encodeOnly(state, BLACKHOLE);
                benchmark.encodeAndWrite(state, BLACKHOLE);
                state.socket.flip();
                written[i] = new byte[state.socket.remaining()];
                state.socket.get(written[i]);
                state.tearDown();
            }
            assertThat(written[0]).hasSizeGreaterThan(size).isEqualTo(written[1]);
        }
    }

    @Test
    void connectCodec() {
        for (MqttVersion version : new MqttVersion[] {MqttVersion.V3_1_1, MqttVersion.V5}) {
            ConnectCodecBenchmark benchmark = new ConnectCodecBenchmark();
            benchmark.version = version;
            benchmark.setUp();
            benchmark.decode(BLACKHOLE);
            benchmark.encode(BLACKHOLE);
            benchmark.tearDown();
        }
    }

    @Test
    void subscribeCodec() {
        for (int filters : new int[] {1, 10}) {
            SubscribeCodecBenchmark benchmark = new SubscribeCodecBenchmark();
            benchmark.filters = filters;
            benchmark.setUp();
            benchmark.decode(BLACKHOLE);
            benchmark.encode(BLACKHOLE);
            benchmark.tearDown();
        }
    }
}
