package dev.tern.mqtt;

import dev.tern.api.message.Message;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.SessionHandle;
import dev.tern.api.session.Subscribe;
import dev.tern.api.session.SubscribeResult;
import dev.tern.api.session.UnsubscribeResult;
import dev.tern.api.topic.TopicFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** A session handle that records every call; publish outcomes are immediate unless {@link #holdOutcomes} is set. */
final class FakeSession implements SessionHandle {
    /** One call to {@link #disconnected}. */
    record Disconnected(DisconnectKind kind, OptionalLong sessionExpirySeconds) {}

    final String clientId;
    final List<Message> published = new ArrayList<>();
    final List<Consumer<PublishOutcome>> heldOutcomes = new ArrayList<>();
    final List<List<Subscribe>> subscribed = new ArrayList<>();
    final List<List<TopicFilter>> unsubscribed = new ArrayList<>();
    final Set<Integer> exactlyOnce = new HashSet<>();
    final Set<Integer> awaitingRelease = new HashSet<>();
    final List<String> acks = new ArrayList<>();
    final List<Disconnected> disconnects = new ArrayList<>();
    PublishOutcome outcome = new PublishOutcome.Accepted(1);
    boolean holdOutcomes;
    Function<Subscribe, SubscribeResult> subscribeAnswer =
            subscribe -> new SubscribeResult.Granted(subscribe.options().maximumQos());
    Function<TopicFilter, UnsubscribeResult> unsubscribeAnswer = filter -> UnsubscribeResult.REMOVED;
    int resumes;
    /** Answers subscribe with nothing, as the core's handle of a session taken over does. */
    boolean detached;

    FakeSession(String clientId) {
        this.clientId = clientId;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public void publish(Message message, Consumer<PublishOutcome> onOutcome) {
        published.add(message);
        if (holdOutcomes) {
            heldOutcomes.add(onOutcome);
        } else {
            onOutcome.accept(outcome);
        }
    }

    @Override
    public void publishExactlyOnce(int packetId, Message message, Consumer<PublishOutcome> onOutcome) {
        publish(message, onOutcome);
    }

    @Override
    public void subscribe(List<Subscribe> subscriptions, Consumer<List<SubscribeResult>> onResults) {
        if (detached) {
            return; // as the core's handle of a session taken over: no answer
        }
        subscribed.add(subscriptions);
        onResults.accept(subscriptions.stream().map(subscribeAnswer).toList());
    }

    @Override
    public List<UnsubscribeResult> unsubscribe(List<TopicFilter> filters) {
        unsubscribed.add(filters);
        return filters.stream().map(unsubscribeAnswer).toList();
    }

    @Override
    public boolean beginExactlyOnce(int packetId) {
        return exactlyOnce.add(packetId);
    }

    @Override
    public void releaseExactlyOnce(int packetId, Consumer<Boolean> then) {
        then.accept(exactlyOnce.remove(packetId));
    }

    @Override
    public void abandonExactlyOnce(int packetId) {
        exactlyOnce.remove(packetId);
    }

    @Override
    public int pendingExactlyOnce() {
        return exactlyOnce.size();
    }

    @Override
    public void acknowledged(int packetId) {
        acks.add("acknowledged " + packetId);
    }

    @Override
    public void received(int packetId, Consumer<Boolean> then) {
        acks.add("received " + packetId);
        then.accept(awaitingRelease.remove(packetId));
    }

    @Override
    public void completed(int packetId) {
        acks.add("completed " + packetId);
    }

    @Override
    public void resume() {
        resumes++;
    }

    @Override
    public void disconnected(DisconnectKind kind, OptionalLong sessionExpirySeconds) {
        disconnects.add(new Disconnected(kind, sessionExpirySeconds));
    }
}
