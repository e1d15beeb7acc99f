package dev.tern.benchmarks.load;

import java.util.List;
import java.util.Locale;

/**
 * Runs side by side as a Markdown table, from their JSON lines: the table a person reads and the line a script keeps
 * are the same data, and runs made by separate processes compare in one table.
 */
final class ResultTable {
    private ResultTable() {}

    static String render(List<JsonLine> runs) {
        StringBuilder out = new StringBuilder();
        out.append("| run | msgs/s sent (acked) | msgs/s received | lost | dup | unacked | end-to-end p50 / p99 / p99.9"
                + " / max (ms) | PUBLISH→PUBACK p50 / p99 / p99.9 / max (ms) | broker CPU s | generator CPU s |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|---|---:|---:|\n");
        for (JsonLine run : runs) {
            out.append("| ")
                    .append(run.text("label"))
                    .append(" | ")
                    .append(count(run.number("sent_per_s")))
                    .append(" | ")
                    .append(count(run.number("received_per_s")))
                    .append(" | ")
                    .append(count(run.number("lost")))
                    .append(" | ")
                    .append(count(run.number("duplicates")))
                    .append(" | ")
                    .append(count(run.number("unacknowledged")))
                    .append(" | ")
                    .append(latencies(run, "e2e"))
                    .append(" | ")
                    .append(latencies(run, "ack"))
                    .append(" | ")
                    .append(decimal(run.number("broker_cpu_s"), 1))
                    .append(" | ")
                    .append(decimal(run.number("generator_cpu_s"), 1))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** What was run, from the first line (all runs of one table share it). */
    static String describe(JsonLine run) {
        return String.format(
                Locale.ROOT,
                "scenario %s: %s pairs, MQTT %s, QoS %s, %s-byte payload, window %s, rate %s, warm-up %s s, measured"
                        + " %s s, transport %s",
                run.text("scenario"),
                run.text("pairs"),
                run.text("mqtt"),
                run.text("qos"),
                run.text("payload_bytes"),
                run.text("window"),
                run.number("rate_per_publisher") > 0 ? run.text("rate_per_publisher") + " msgs/s per publisher" : "max",
                plain(run.number("warmup_s")),
                plain(run.number("duration_s")),
                run.text("transport"));
    }

    /** 3 rather than 3.0, 1.5 as 1.5: the same text whether the value was written or read back. */
    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String latencies(JsonLine run, String prefix) {
        return String.join(
                " / ",
                millis(run.number(prefix + "_p50_us")),
                millis(run.number(prefix + "_p99_us")),
                millis(run.number(prefix + "_p999_us")),
                millis(run.number(prefix + "_max_us")));
    }

    private static String millis(double micros) {
        if (Double.isNaN(micros)) {
            return "–";
        }
        double ms = micros / 1e3;
        return decimal(ms, ms < 10 ? 2 : 1);
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String decimal(double value, int places) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
