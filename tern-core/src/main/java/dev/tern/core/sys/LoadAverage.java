package dev.tern.core.sys;

/**
 * An exponentially weighted per-minute rate over a window, as Mosquitto publishes under {@code $SYS/broker/load/...}:
 * fed the counter's total at each sample, it keeps the smoothed rate per minute.
 */
final class LoadAverage {
    private final double windowSeconds;
    private double perMinute;
    private long lastTotal = -1;

    LoadAverage(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    void sample(long total, double intervalSeconds) {
        if (lastTotal >= 0) {
            double instant = (total - lastTotal) * 60.0 / intervalSeconds;
            double weight = Math.exp(-intervalSeconds / windowSeconds);
            perMinute = perMinute * weight + instant * (1 - weight);
        }
        lastTotal = total;
    }

    double perMinute() {
        return perMinute;
    }
}
