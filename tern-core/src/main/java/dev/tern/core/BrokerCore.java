package dev.tern.core;

import dev.tern.api.broker.Broker;
import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Message;
import dev.tern.api.security.AccessControl;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.Outlet;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.SessionRequest;
import dev.tern.core.time.Scheduler;
import java.time.InstantSource;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The broker core: the one implementation of {@link Broker}. Hand-wired by tern-server.
 *
 * <p>IN PROGRESS (issue 3): signatures are fixed so that the protocol channel and the server can be written against
 * them; bodies are being written.
 */
public final class BrokerCore implements Broker {

    /**
     * @param defaultExecutor runs sessions that have no connection (restored from a store, or when a will fires)
     */
    public BrokerCore(
            CoreSettings settings,
            AccessControl accessControl,
            InstantSource clock,
            Scheduler scheduler,
            Executor defaultExecutor) {
        throw new IllegalStateException("being written");
    }

    /** Starts timers ($SYS publishing). */
    public void start() {}

    /** Closes every connection with {@code SERVER_SHUTTING_DOWN} and stops timers. */
    public void shutdown() {}

    /** Where protocol channels report bytes and drops. */
    public Traffic traffic() {
        throw new IllegalStateException("being written");
    }

    @Override
    public void connect(SessionRequest request, Outlet outlet, Consumer<ConnectResult> onResult) {
        throw new IllegalStateException("being written");
    }

    @Override
    public void publish(Message message, Consumer<PublishOutcome> onOutcome) {
        throw new IllegalStateException("being written");
    }
}
