package dev.tern.store.rocksdb;

import java.time.Duration;

/** Whether the store takes writes (false while the disk is full), with a way to wait for a change without polling. */
final class StoreHealth {
    private volatile boolean accepting = true;

    boolean accepting() {
        return accepting;
    }

    synchronized void set(boolean value) {
        accepting = value;
        notifyAll();
    }

    /** Waits until {@link #accepting()} is {@code wanted}; false if {@code timeout} passed first. */
    synchronized boolean await(boolean wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepting != wanted) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
