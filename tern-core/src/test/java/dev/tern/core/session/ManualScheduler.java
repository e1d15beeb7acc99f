package dev.tern.core.session;

import dev.tern.core.time.Scheduler;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and scheduler the test moves by hand. */
public final class ManualScheduler implements Scheduler, InstantSource {
    private long nowMillis = 1_000_000;
    private final List<Timer> timers = new ArrayList<>();

    private final class Timer implements Cancellable {
        final long dueMillis;
        final Runnable task;
        boolean cancelled;

        Timer(long dueMillis, Runnable task) {
            this.dueMillis = dueMillis;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        Timer timer = new Timer(nowMillis + delayMillis, task);
        timers.add(timer);
        return timer;
    }

    /** Forgets every timer, as a process that dies does. */
    public void cancelAll() {
        timers.clear();
    }

    /** Runs the timers due now (tasks handed over with no delay); true when there were any. */
    public boolean runDue() {
        boolean due = timers.stream().anyMatch(t -> !t.cancelled && t.dueMillis <= nowMillis);
        advanceMillis(0);
        return due;
    }

    /** Moves time forward, running each timer that falls due, in due order. */
    public void advanceMillis(long millis) {
        long target = nowMillis + millis;
        while (true) {
            Timer next = timers.stream()
                    .filter(t -> !t.cancelled && t.dueMillis <= target)
                    .min(Comparator.comparingLong(t -> t.dueMillis))
                    .orElse(null);
            if (next == null) {
                break;
            }
            timers.remove(next);
            nowMillis = next.dueMillis;
            next.task.run();
        }
        nowMillis = target;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMillis);
    }

    @Override
    public long millis() {
        return nowMillis;
    }
}
