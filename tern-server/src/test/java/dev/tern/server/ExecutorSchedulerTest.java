package dev.tern.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

    private final ExecutorScheduler scheduler = new ExecutorScheduler("tern-timer");

    @AfterEach
    void stop() {
        assertThat(scheduler.stop(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aTaskRunsAfterItsDelayOnTheTimerThread() throws Exception {
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        long scheduledAt = System.nanoTime();

        scheduler.schedule(() -> ranOn.complete(Thread.currentThread().getName()), 50);

        assertThat(ranOn.get(10, TimeUnit.SECONDS)).isEqualTo("tern-timer");
        assertThat(System.nanoTime() - scheduledAt).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void theTimerThreadIsADaemonSoItNeverKeepsTheJvmAlive() throws Exception {
        CompletableFuture<Boolean> daemon = new CompletableFuture<>();

        scheduler.schedule(() -> daemon.complete(Thread.currentThread().isDaemon()), 0);

        assertThat(daemon.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCancelledTaskDoesNotRun() throws Exception {
        AtomicBoolean cancelledRan = new AtomicBoolean();
        CompletableFuture<Void> later = new CompletableFuture<>();

        Scheduler.Cancellable cancelled = scheduler.schedule(() -> cancelledRan.set(true), 20);
        cancelled.cancel();
        scheduler.schedule(() -> later.complete(null), 100);

        later.get(10, TimeUnit.SECONDS);
        assertThat(cancelledRan).isFalse();
    }

    @Test
    void aFailingTaskDoesNotStopTheTimer() throws Exception {
        CompletableFuture<Void> next = new CompletableFuture<>();

        scheduler.schedule(
                () -> {
                    throw new IllegalStateException("boom (expected by the test)");
                },
                0);
        scheduler.schedule(() -> next.complete(null), 10);

        next.get(10, TimeUnit.SECONDS);
    }

    @Test
    void afterStoppingNewTimersAreQuietlyIgnored() {
        scheduler.stop(Duration.ofSeconds(5));

        Scheduler.Cancellable ignored = scheduler.schedule(() -> {}, 10);

        ignored.cancel(); // does nothing, throws nothing
    }
}
