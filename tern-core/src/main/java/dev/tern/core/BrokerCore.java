package dev.tern.core;

import dev.tern.api.broker.Broker;
import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Message;
import dev.tern.api.security.AccessControl;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.Outlet;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.store.SessionStore;
import dev.tern.api.store.StoredState;
import dev.tern.core.session.Sessions;
import dev.tern.core.sys.Counters;
import dev.tern.core.sys.SysTopics;
import dev.tern.core.time.Scheduler;
import java.time.InstantSource;
import java.util.function.Consumer;

/** The broker core: the one implementation of {@link Broker}. Hand-wired by tern-server. Thread-safe. */
public final class BrokerCore implements Broker {
    private final CoreSettings settings;
    private final Scheduler scheduler;
    private final Counters counters = new Counters();
    private final Sessions sessions;
    private final SysTopics sysTopics;
    private volatile Scheduler.Cancellable sysTimer;
    private volatile boolean running;

    /** A broker that keeps nothing across restarts ({@code store.durability: memory}). */
    public BrokerCore(CoreSettings settings, AccessControl accessControl, InstantSource clock, Scheduler scheduler) {
        this(settings, accessControl, clock, scheduler, SessionStore.NONE);
    }

    /** A broker that journals persistent sessions and retained messages to {@code store}; call {@link #restore} next. */
    public BrokerCore(
            CoreSettings settings,
            AccessControl accessControl,
            InstantSource clock,
            Scheduler scheduler,
            SessionStore store) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.sessions = new Sessions(settings, accessControl, clock, scheduler, counters, store);
        this.sysTopics = new SysTopics(
                new SysTopics.Figures(
                        settings.version(),
                        counters,
                        sessions::connectedCount,
                        sessions::sessionCount,
                        sessions::subscriptionCount,
                        sessions::retainedCount),
                clock,
                message -> sessions.publish(message, outcome -> {}));
    }

    /** Restores what the store kept; call once, before {@link #start} and before any client connects. */
    public Sessions.RestoreSummary restore(StoredState state) {
        return sessions.restore(state);
    }

    /** Starts the $SYS timer (when {@code sysIntervalSeconds} is not 0). */
    public void start() {
        running = true;
        if (settings.sysIntervalSeconds() > 0) {
            publishSys();
        }
    }

    private void publishSys() {
        if (!running) {
            return;
        }
        sysTopics.publishAll(settings.sysIntervalSeconds());
        sysTimer = scheduler.schedule(this::publishSys, settings.sysIntervalSeconds() * 1000L);
    }

    /** Closes every connection with "server shutting down" and stops timers; sessions are kept. */
    public void shutdown() {
        running = false;
        Scheduler.Cancellable timer = sysTimer;
        if (timer != null) {
            timer.cancel();
        }
        sessions.shutdown();
    }

    /** Where protocol channels report bytes and drops. */
    public Traffic traffic() {
        return counters;
    }

    /** Counters for metrics and tests. */
    public Counters counters() {
        return counters;
    }

    public int connectedClients() {
        return sessions.connectedCount();
    }

    @Override
    public void connect(SessionRequest request, Outlet outlet, Consumer<ConnectResult> onResult) {
        sessions.connect(request, outlet, onResult);
    }

    @Override
    public void publish(Message message, Consumer<PublishOutcome> onOutcome) {
        sessions.publish(message, onOutcome);
    }
}
