package dev.tern.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A point in {@link System#nanoTime()} time that bounds a phase of a run: every wait in the generator has one, so a
 * broker that stops answering ends the run instead of hanging it.
 */
record Deadline(long nanos) {
    static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    static Deadline at(long nanos) {
        return new Deadline(nanos);
    }

    long remainingNanos() {
        return Math.max(0, nanos - System.nanoTime());
    }

    /** Waits until the deadline: the phases of a run are timed, there is nothing else to wait for. */
    void sleep() throws InterruptedException {
        long remaining;
        while ((remaining = remainingNanos()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Waits for {@code future}; fails the run with {@code phase} named if it fails or is not done by the deadline. */
    void await(CompletableFuture<?> future, String phase) throws InterruptedException {
        try {
            future.get(remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(phase + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(phase + " did not finish in time", e);
        }
    }

    /** Waits for {@code future} until the deadline at most; the caller then reports whatever state it reached. */
    void awaitQuietly(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // counted in the figures (unacknowledged, lost, failures), not thrown
        }
    }
}
