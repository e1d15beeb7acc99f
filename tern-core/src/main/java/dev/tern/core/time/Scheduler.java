package dev.tern.core.time;

/** Runs tasks later. Tasks run on the scheduler's thread and must hand off to a session's executor themselves. */
public interface Scheduler {
    /** Runs {@code task} after {@code delayMillis}; the returned handle cancels it if it has not run. */
    Cancellable schedule(Runnable task, long delayMillis);

    /** A scheduled task that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
