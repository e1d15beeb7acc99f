package dev.tern.benchmarks.load;

import org.HdrHistogram.Histogram;

/** The percentiles reported for one latency, in microseconds; {@code count} is how many samples they come from. */
record LatencySummary(long count, double p50Micros, double p99Micros, double p999Micros, double maxMicros) {
    static final LatencySummary NONE = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Summarises a histogram of nanoseconds. */
    static LatencySummary of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return NONE;
        }
        return new LatencySummary(
                nanos.getTotalCount(),
                nanos.getValueAtPercentile(50) / 1e3,
                nanos.getValueAtPercentile(99) / 1e3,
                nanos.getValueAtPercentile(99.9) / 1e3,
                nanos.getMaxValue() / 1e3);
    }
}
