package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.testkit.EmbeddedBroker;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generator's bookkeeping against the real broker in-process: at QoS 1 over a healthy loopback connection every
 * published message is acknowledged and delivered exactly once, so the counts must agree to the message. About 2 s of
 * load per test; the generator's own deadlines bound every wait.
 */
class LoadGeneratorTest {

    @Test
    void pairsAtQos1ToPersistentSessionsLoseAndDuplicateNothing_3_1_1_memory() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(Map.of("store.durability", "memory", "sys.interval", "0"))) {
            assertCountsAgree(LoadGenerator.run(settings(broker.port(), MqttVersion.V3_1_1, "memory")));
        }
    }

    @Test
    void pairsAtQos1ToPersistentSessionsLoseAndDuplicateNothing_5_sync() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(Map.of("store.durability", "sync", "sys.interval", "0"))) {
            assertCountsAgree(LoadGenerator.run(settings(broker.port(), MqttVersion.V5, "sync")));
        }
    }

    private static LoadSettings settings(int port, MqttVersion version, String label) throws Exception {
        return new LoadSettings(
                InetAddress.getLoopbackAddress(),
                port,
                "pairs",
                4,
                1,
                64,
                version,
                16,
                0,
                Duration.ofMillis(500),
                Duration.ofMillis(1500),
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                1_000_000,
                1,
                ProcessHandle.current().pid(),
                label);
    }

    private static void assertCountsAgree(RunResult result) {
        assertThat(result.failures()).isEmpty();
        assertThat(result.published()).isPositive();
        assertThat(result.acknowledged()).isEqualTo(result.published());
        assertThat(result.received()).isEqualTo(result.published());
        assertThat(result.lost()).isZero();
        assertThat(result.duplicates()).isZero();
        assertThat(result.unacknowledged()).isZero();
        assertThat(result.refused()).isZero();
        assertThat(result.anomalies()).isZero();
        assertThat(result.clean()).isTrue();
        // Measured-interval figures: something flowed, and every delivery measured has its latency recorded.
        assertThat(result.sentInWindow()).isPositive();
        assertThat(result.receivedInWindow()).isPositive();
        assertThat(result.endToEnd().count()).isEqualTo(result.receivedInWindow());
        assertThat(result.ack().count()).isEqualTo(result.sentInWindow());
        assertThat(result.endToEnd().p50Micros()).isPositive();
        assertThat(result.generatorCpuSeconds()).isPositive();
        // The JSON line carries the same figures.
        JsonLine json = JsonLine.parse(result.toJson().toString());
        assertThat(json.number("published_total")).isEqualTo((double) result.published());
        assertThat(json.number("lost")).isZero();
    }
}
