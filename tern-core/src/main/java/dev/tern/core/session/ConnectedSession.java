package dev.tern.core.session;

import dev.tern.api.message.Message;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.SessionHandle;
import dev.tern.api.session.Subscribe;
import dev.tern.api.session.SubscribeResult;
import dev.tern.api.session.UnsubscribeResult;
import dev.tern.api.topic.TopicFilter;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The handle one connection holds on its session. Detached when another connection takes the session over or the
 * connection ends; a detached handle ignores everything, so a late call from a closing connection cannot touch a
 * session that now belongs to another thread. Detaching happens on the old connection's own thread, the only thread
 * that calls this handle, so the flag needs no synchronisation.
 */
final class ConnectedSession implements SessionHandle {
    private final Session session;
    private boolean detached;

    ConnectedSession(Session session) {
        this.session = session;
    }

    void detach() {
        detached = true;
    }

    boolean isDetached() {
        return detached;
    }

    @Override
    public String clientId() {
        return session.clientId;
    }

    @Override
    public void publish(Message message, Consumer<PublishOutcome> onOutcome) {
        if (detached) {
            return;
        }
        onOutcome.accept(session.sessionsForHandle()
                .publishFrom(session.clientInfo(), message.withOriginClientId(session.clientId)));
    }

    @Override
    public List<SubscribeResult> subscribe(List<Subscribe> subscriptions) {
        if (detached) {
            return List.of();
        }
        return session.sessionsForHandle().subscribe(session, subscriptions);
    }

    @Override
    public List<UnsubscribeResult> unsubscribe(List<TopicFilter> filters) {
        if (detached) {
            return List.of();
        }
        return filters.stream()
                .map(filter -> session.unsubscribe(filter)
                        ? UnsubscribeResult.REMOVED
                        : UnsubscribeResult.NO_SUBSCRIPTION_EXISTED)
                .toList();
    }

    @Override
    public boolean beginExactlyOnce(int packetId) {
        return !detached && session.exactlyOnceIn.add(packetId);
    }

    @Override
    public boolean releaseExactlyOnce(int packetId) {
        return !detached && session.exactlyOnceIn.remove(packetId);
    }

    @Override
    public int pendingExactlyOnce() {
        return detached ? 0 : session.exactlyOnceIn.size();
    }

    @Override
    public void acknowledged(int packetId) {
        if (!detached) {
            session.deliveries.acknowledged(packetId);
        }
    }

    @Override
    public boolean received(int packetId) {
        return !detached && session.deliveries.received(packetId);
    }

    @Override
    public void completed(int packetId) {
        if (!detached) {
            session.deliveries.completed(packetId);
        }
    }

    @Override
    public void resume() {
        if (!detached) {
            session.deliveries.resume();
        }
    }

    @Override
    public void disconnected(DisconnectKind kind, OptionalLong sessionExpirySeconds) {
        if (!detached) {
            session.disconnected(this, kind, sessionExpirySeconds);
        }
    }
}
