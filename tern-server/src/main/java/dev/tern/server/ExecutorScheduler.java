package dev.tern.server;

import dev.tern.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link Scheduler} on one daemon thread, {@code tern-timer}. Tasks are short: they hand work to a
 * session's thread (keep-alive, will delay, session expiry, $SYS), so one thread serves every timer of the broker.
 */
final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);
    private static final Cancellable NOT_SCHEDULED = () -> {};

    private final ScheduledThreadPoolExecutor executor;

    ExecutorScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        // Most timers (keep alive, will delay) are cancelled long before they are due: drop them from the queue at
        // once, or a busy broker would hold millions of dead tasks until their time comes.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        try {
            ScheduledFuture<?> future = executor.schedule(() -> run(task), delayMillis, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException stopped) {
            // The broker is stopping; a timer set now would never matter.
            return NOT_SCHEDULED;
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // A failing task must not go unnoticed: a ScheduledFuture would keep the exception to itself.
            log.error("timer task failed", e);
        }
    }

    /** Drops every pending timer and waits at most {@code timeout} for a running one to finish. */
    boolean stop(Duration timeout) {
        executor.shutdownNow();
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }
}
