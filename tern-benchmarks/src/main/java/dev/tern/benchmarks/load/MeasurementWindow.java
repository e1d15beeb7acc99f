package dev.tern.benchmarks.load;

/**
 * The measured interval of a run, as {@link System#nanoTime()} values fixed before the first message: every connection
 * decides on its own, by the time an event happens, whether it counts. Nothing has to be reset between warm-up and
 * measurement, and no thread has to tell the others.
 */
record MeasurementWindow(long startNanos, long endNanos) {
    MeasurementWindow {
        if (endNanos - startNanos <= 0) { // nanoTime may wrap: only differences are meaningful
            throw new IllegalArgumentException("the measured interval must not be empty");
        }
    }

    boolean contains(long nanos) {
        return nanos - startNanos >= 0 && nanos - endNanos < 0;
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
