package dev.tern.mqtt;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The timers of one connection on its event loop: at most one pending per {@link Timer}. */
final class ConnectionTimers {
    private final EventExecutor executor;
    private final Consumer<Timer> onExpiry;
    private final Map<Timer, ScheduledFuture<?>> pending = new EnumMap<>(Timer.class);

    ConnectionTimers(EventExecutor executor, Consumer<Timer> onExpiry) {
        this.executor = executor;
        this.onExpiry = onExpiry;
    }

    /** Starts {@code timer}, replacing one that is pending. */
    void set(Timer timer, long delayMillis) {
        cancel(timer);
        pending.put(
                timer,
                executor.schedule(
                        () -> {
                            pending.remove(timer);
                            onExpiry.accept(timer);
                        },
                        delayMillis,
                        TimeUnit.MILLISECONDS));
    }

    void cancel(Timer timer) {
        ScheduledFuture<?> future = pending.remove(timer);
        if (future != null) {
            future.cancel(false);
        }
    }

    void cancelAll() {
        pending.values().forEach(future -> future.cancel(false));
        pending.clear();
    }
}
