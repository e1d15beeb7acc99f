package dev.tern.benchmarks.load;

import java.time.Instant;
import java.util.List;

/**
 * The figures of one run. Throughput and latency cover the measured interval only; the counts of loss, duplicates and
 * acknowledgements cover every message of the run, warm-up and drain included, because a message lost in warm-up is
 * lost all the same.
 *
 * @param sentInWindow PUBACKs (success) received by publishers during the measured interval
 * @param receivedInWindow deliveries received by subscribers during the measured interval
 * @param lost messages published (whole run) that never reached their subscriber, after the drain
 * @param duplicates deliveries of a sequence number already received on that topic
 * @param unacknowledged PUBLISHes without any PUBACK after the drain
 * @param refused PUBACKs with an error reason code
 * @param anomalies deliveries on an unexpected topic or QoS, and PUBACKs for nothing in flight
 * @param brokerCpuSeconds CPU the broker used during the measured interval, NaN when unknown
 * @param generatorCpuSeconds CPU this generator used during the measured interval
 */
record RunResult(
        LoadSettings settings,
        String transport,
        Instant startedAt,
        long sentInWindow,
        long receivedInWindow,
        long published,
        long acknowledged,
        long received,
        long lost,
        long duplicates,
        long unacknowledged,
        long refused,
        long anomalies,
        LatencySummary endToEnd,
        LatencySummary ack,
        double brokerCpuSeconds,
        double generatorCpuSeconds,
        List<String> failures) {

    RunResult {
        failures = List.copyOf(failures);
    }

    double durationSeconds() {
        return settings.duration().toNanos() / 1e9;
    }

    double sentPerSecond() {
        return sentInWindow / durationSeconds();
    }

    double receivedPerSecond() {
        return receivedInWindow / durationSeconds();
    }

    /** Nothing lost, duplicated, refused, left unacknowledged or out of place, and every connection stayed up. */
    boolean clean() {
        return lost == 0
                && duplicates == 0
                && unacknowledged == 0
                && refused == 0
                && anomalies == 0
                && failures.isEmpty();
    }

    /** The JSON line of this run; {@link ResultTable} reads the same keys. */
    JsonLine toJson() {
        JsonLine json = JsonLine.empty()
                .put("label", settings.label())
                .put("scenario", settings.scenario())
                .put("started_at", startedAt.toString())
                .put("mqtt", settings.versionName())
                .put("pairs", settings.pairs())
                .put("qos", settings.qos())
                .put("payload_bytes", settings.payloadBytes())
                .put("window", settings.window())
                .put("rate_per_publisher", settings.ratePerPublisher())
                .put("warmup_s", settings.warmup().toNanos() / 1e9)
                .put("duration_s", durationSeconds())
                .put("transport", transport)
                .put("sent", sentInWindow)
                .put("sent_per_s", Math.round(sentPerSecond()))
                .put("received", receivedInWindow)
                .put("received_per_s", Math.round(receivedPerSecond()))
                .put("published_total", published)
                .put("acknowledged_total", acknowledged)
                .put("received_total", received)
                .put("lost", lost)
                .put("duplicates", duplicates)
                .put("unacknowledged", unacknowledged)
                .put("refused", refused)
                .put("anomalies", anomalies);
        latency(json, "e2e", endToEnd);
        latency(json, "ack", ack);
        return json.put("broker_cpu_s", round(brokerCpuSeconds, 1e3))
                .put("generator_cpu_s", round(generatorCpuSeconds, 1e3))
                .put("failures", failures.size())
                .put("first_failure", failures.isEmpty() ? null : failures.getFirst());
    }

    private static void latency(JsonLine json, String prefix, LatencySummary summary) {
        json.put(prefix + "_p50_us", round(summary.p50Micros(), 10))
                .put(prefix + "_p99_us", round(summary.p99Micros(), 10))
                .put(prefix + "_p999_us", round(summary.p999Micros(), 10))
                .put(prefix + "_max_us", round(summary.maxMicros(), 10));
    }

    /** Rounded to 1/scale: more digits than the measurement holds only make the line harder to read. */
    private static double round(double value, double scale) {
        return Double.isFinite(value) ? Math.round(value * scale) / scale : value;
    }
}
