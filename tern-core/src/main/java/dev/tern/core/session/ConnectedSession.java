package dev.tern.core.session;

import dev.tern.api.message.Message;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.SessionHandle;
import dev.tern.api.session.Subscribe;
import dev.tern.api.session.SubscribeResult;
import dev.tern.api.session.UnsubscribeResult;
import dev.tern.api.store.StoreChange;
import dev.tern.api.topic.TopicFilter;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The handle one connection holds on its session. Detached when another connection takes the session over or the
 * connection ends; a detached handle ignores everything, so a late call from a closing connection cannot touch a
 * session that now belongs to another thread. Detaching happens on the old connection's own thread, the only thread
 * that calls this handle, so the flag needs no synchronisation.
 *
 * <p>Answers that wait for the store come back on the store's thread; {@link AnswersInOrder} hands them to the
 * connection's thread in the order the calls were made.
 */
final class ConnectedSession implements SessionHandle {
    private final Session session;
    private final AnswersInOrder answers;
    private boolean detached;

    ConnectedSession(Session session, Executor connection) {
        this.session = session;
        this.answers = new AnswersInOrder(connection);
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
        publishExactlyOnce(Sessions.NO_PACKET_ID, message, onOutcome);
    }

    @Override
    public void publishExactlyOnce(int packetId, Message message, Consumer<PublishOutcome> onOutcome) {
        if (detached) {
            return;
        }
        answers.call(
                onOutcome,
                ordered -> session.sessionsForHandle()
                        .publishFrom(session, message.withOriginClientId(session.clientId), packetId, ordered));
    }

    @Override
    public void subscribe(List<Subscribe> subscriptions, Consumer<List<SubscribeResult>> onResults) {
        if (detached) {
            return;
        }
        Consumer<Sessions.Subscribed> answer = subscribed -> {
            onResults.accept(subscribed.results());
            subscribed.afterAnswer().run();
        };
        answers.call(answer, ordered -> session.sessionsForHandle().subscribe(session, subscriptions, ordered));
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
    public void releaseExactlyOnce(int packetId, Consumer<Boolean> then) {
        if (detached) {
            return;
        }
        answers.call(then, ordered -> {
            if (!session.exactlyOnceIn.remove(packetId)) {
                ordered.accept(false);
                return;
            }
            session.journal(
                    List.of(new StoreChange.ExactlyOnceReleased(session.clientId, packetId)),
                    () -> ordered.accept(true));
        });
    }

    @Override
    public void abandonExactlyOnce(int packetId) {
        if (!detached) {
            session.exactlyOnceIn.remove(packetId);
        }
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
    public void received(int packetId, Consumer<Boolean> then) {
        if (detached) {
            return;
        }
        answers.call(then, ordered -> session.deliveries.received(packetId, ordered));
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
