package dev.tern.benchmarks.load;

import dev.tern.mqtt.codec.MqttVersion;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What one run does, checked once: where to connect (loopback only), the scenario and its shape, and the bounds that
 * end every run (warm-up plus measured time plus drain, and a message cap per publisher).
 *
 * @param ratePerPublisher messages per second per publisher, or 0 for as fast as the window allows
 * @param brokerPid the broker's process id for its CPU time, or -1 when unknown (an in-process broker, say)
 * @param label the name of this run in tables and JSON, such as the store mode under test
 */
record LoadSettings(
        InetAddress host,
        int port,
        String scenario,
        int pairs,
        int qos,
        int payloadBytes,
        MqttVersion version,
        int window,
        long ratePerPublisher,
        Duration warmup,
        Duration duration,
        Duration drainTimeout,
        Duration connectTimeout,
        long maxMessagesPerPublisher,
        int threads,
        long brokerPid,
        String label) {

    LoadSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        if (!host.isLoopbackAddress()) {
            // The generator is a load test against a broker on this machine; it must never flood a real network.
            throw new IllegalArgumentException("only loopback addresses are allowed, not " + host.getHostAddress());
        }
        require(port >= 1 && port <= 65_535, "port must be 1..65535");
        require(scenario.equals("pairs"), "unknown scenario " + scenario + " (known: pairs)");
        require(pairs >= 1 && pairs <= 10_000, "pairs must be 1..10000");
        require(qos == 1, "only QoS 1 is implemented so far");
        require(
                payloadBytes >= MessagePayload.MINIMUM_SIZE && payloadBytes <= 1_048_576,
                "payload must be " + MessagePayload.MINIMUM_SIZE + " bytes (sequence number and timestamp) to 1 MiB");
        require(version != MqttVersion.V3_1, "MQTT 3.1.1 or 5.0");
        require(window >= 1 && window <= 65_000, "window must be 1..65000 (packet identifiers are 16 bits)");
        require(ratePerPublisher >= 0, "rate must not be negative");
        require(!warmup.isNegative(), "warm-up must not be negative");
        require(duration.toMillis() >= 100 && duration.toHours() < 1, "duration must be 100 ms to 1 h");
        require(warmup.toHours() < 1, "warm-up must be under 1 h");
        require(
                drainTimeout.toMillis() >= 100 && drainTimeout.toMinutes() <= 10,
                "drain timeout must be 100 ms to 10 min");
        require(
                connectTimeout.toMillis() >= 100 && connectTimeout.toMinutes() <= 10,
                "connect timeout: 100 ms to 10 min");
        // Sequence numbers index a bit set per topic: this cap bounds the generator's memory too.
        require(
                maxMessagesPerPublisher >= 1 && maxMessagesPerPublisher <= 100_000_000,
                "max messages per publisher must be 1..100000000");
        require(threads >= 1 && threads <= 64, "threads must be 1..64");
        Objects.requireNonNull(label, "label");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** "3.1.1" or "5.0", as reported. */
    String versionName() {
        return version.isV5() ? "5.0" : "3.1.1";
    }
}
