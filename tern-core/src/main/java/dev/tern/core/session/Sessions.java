package dev.tern.core.session;

import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import dev.tern.api.security.AccessControl;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.session.ConnectRefusal;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.Outlet;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.Refusal;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.Subscribe;
import dev.tern.api.session.SubscribeResult;
import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.topic.TopicFilter;
import dev.tern.core.CoreSettings;
import dev.tern.core.retained.RetainedMessages;
import dev.tern.core.sys.Counters;
import dev.tern.core.time.Scheduler;
import dev.tern.core.topic.TopicIndex;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The session registry and the router: opens and ends sessions, fans publications out to them. Thread-safe. */
public final class Sessions {
    private final ConcurrentHashMap<String, Session> byClientId = new ConcurrentHashMap<>();
    private final TopicIndex<Session> index = new TopicIndex<>();
    private final RetainedMessages retained = new RetainedMessages();
    private final AtomicInteger connected = new AtomicInteger();
    private final CoreSettings settings;
    private final AccessControl accessControl;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final Counters counters;
    private volatile boolean shuttingDown;

    public Sessions(
            CoreSettings settings,
            AccessControl accessControl,
            InstantSource clock,
            Scheduler scheduler,
            Counters counters) {
        this.settings = settings;
        this.accessControl = accessControl;
        this.clock = clock;
        this.scheduler = scheduler;
        this.counters = counters;
    }

    // ---- sessions ---------------------------------------------------------------------------------------------------

    public void connect(SessionRequest request, Outlet outlet, Consumer<ConnectResult> onResult) {
        String clientId = request.client().clientId();
        Session existing = byClientId.get(clientId);
        boolean takeover = existing != null && existing.online;
        if (shuttingDown || (!takeover && connected.get() >= settings.maxConnections())) {
            ConnectRefusal reason = shuttingDown ? ConnectRefusal.SHUTTING_DOWN : ConnectRefusal.CONNECTION_LIMIT;
            if (reason == ConnectRefusal.CONNECTION_LIMIT) {
                counters.limitExceeded(Traffic.Limit.CONNECTIONS);
            }
            outlet.executor().execute(() -> onResult.accept(new ConnectResult.Refused(reason)));
            return;
        }
        counters.connectionOpened();
        Session session = byClientId.computeIfAbsent(clientId, id -> new Session(id, this, outlet.executor()));
        session.mailbox.post(() -> session.attach(request, outlet, onResult));
    }

    void remove(Session session) {
        byClientId.remove(session.clientId, session);
    }

    void connectionOpened() {
        connected.incrementAndGet();
    }

    void connectionClosed() {
        connected.decrementAndGet();
    }

    /** Closes every connection with "server shutting down"; sessions stay (for the store to keep). */
    public void shutdown() {
        shuttingDown = true;
        for (Session session : byClientId.values()) {
            session.mailbox.post(session::shutdown);
        }
    }

    // ---- publishing -------------------------------------------------------------------------------------------------

    /** A publication that belongs to no session. */
    public PublishOutcome publish(Message message) {
        return accept(message);
    }

    PublishOutcome publishFrom(ClientInfo client, Message message) {
        if (!withinTopicLimits(message.topic().value())) {
            counters.limitExceeded(Traffic.Limit.TOPIC_LEVELS_OR_LENGTH);
            return new PublishOutcome.Refused(Refusal.TOPIC_NAME_INVALID);
        }
        if (!accessControl.mayPublish(client, message.topic())) {
            return new PublishOutcome.Refused(Refusal.NOT_AUTHORIZED);
        }
        return accept(message);
    }

    /** A will: stamped with the time it is published, so its expiry counts from now (MQTT 5 3.1.3.2.3). */
    void publishWill(Message will, ClientInfo client) {
        Message stamped = will.republishedAt(clock.millis());
        if (client == null || accessControl.mayPublish(client, will.topic())) {
            accept(stamped);
        }
    }

    private PublishOutcome accept(Message message) {
        counters.messageReceived();
        if (message.retain() && settings.retainAvailable()) {
            retained.retain(message);
        }
        return new PublishOutcome.Accepted(route(message));
    }

    /** Hands {@code message} to every matching session; returns how many. */
    private int route(Message message) {
        List<TopicIndex.Entry<Session>> matches = index.match(message.topic(), Sessions::pickSharedMember);
        if (matches.isEmpty()) {
            return 0;
        }
        // Overlapping subscriptions of one session yield one copy at the highest granted QoS, carrying every
        // matching subscription identifier; shared-group picks are copies of their own (MQTT 5 section 4.8.2).
        IdentityHashMap<Session, Fanout> perSession = new IdentityHashMap<>();
        List<Fanout> targets = new ArrayList<>(matches.size());
        for (TopicIndex.Entry<Session> entry : matches) {
            Session session = entry.subscriber();
            SubscriptionOptions options = entry.options();
            // [MQTT-3.8.3-3] No Local: not to the publishing client itself.
            if (options.noLocal() && session.clientId.equals(message.originClientId())) {
                continue;
            }
            ClientInfo client = session.client;
            if (client != null && !accessControl.mayReceive(client, message.topic())) {
                continue;
            }
            boolean shared = entry.filter().isShared();
            Fanout fanout = shared ? null : perSession.get(session);
            if (fanout == null) {
                fanout = new Fanout(session);
                targets.add(fanout);
                if (!shared) {
                    perSession.put(session, fanout);
                }
            }
            fanout.add(options);
        }
        for (Fanout fanout : targets) {
            fanout.hand(message);
        }
        return targets.size();
    }

    /** Round robin over a shared group, preferring members that are connected. */
    private static TopicIndex.Entry<Session> pickSharedMember(
            List<TopicIndex.Entry<Session>> members, AtomicInteger cursor) {
        int size = members.size();
        int start = Math.floorMod(cursor.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            TopicIndex.Entry<Session> candidate = members.get((start + i) % size);
            if (candidate.subscriber().online) {
                return candidate;
            }
        }
        return members.get(start);
    }

    /** What one session gets of one message, accumulated over its matching subscriptions. */
    private static final class Fanout {
        final Session session;
        Qos qos = Qos.AT_MOST_ONCE;
        boolean retainAsPublished;
        List<Integer> subscriptionIdentifiers = List.of();

        Fanout(Session session) {
            this.session = session;
        }

        void add(SubscriptionOptions options) {
            if (options.maximumQos().level() > qos.level()) {
                qos = options.maximumQos();
            }
            retainAsPublished |= options.retainAsPublished();
            options.subscriptionIdentifier().ifPresent(id -> {
                if (subscriptionIdentifiers.isEmpty()) {
                    subscriptionIdentifiers = new ArrayList<>(2);
                }
                subscriptionIdentifiers.add(id);
            });
        }

        void hand(Message message) {
            // [MQTT-3.3.1-12] RETAIN is cleared on live messages unless the subscription keeps it as published.
            Deliverable item = new Deliverable(
                    message, message.qos().min(qos), retainAsPublished && message.retain(), subscriptionIdentifiers);
            session.mailbox.post(() -> session.enqueue(item));
        }
    }

    // ---- subscribing ------------------------------------------------------------------------------------------------

    List<SubscribeResult> subscribe(Session session, List<Subscribe> requests) {
        List<SubscribeResult> results = new ArrayList<>(requests.size());
        long now = clock.millis();
        for (Subscribe request : requests) {
            TopicFilter filter = request.filter();
            SubscriptionOptions options = request.options();
            Refusal refusal = refusalFor(session, filter, options);
            if (refusal != null) {
                results.add(new SubscribeResult.Refused(refusal));
                continue;
            }
            Qos granted = options.maximumQos().min(settings.maximumQos());
            SubscriptionOptions stored = new SubscriptionOptions(
                    granted,
                    options.noLocal(),
                    options.retainAsPublished(),
                    options.retainHandling(),
                    options.subscriptionIdentifier());
            boolean existed = session.subscribe(filter, stored);
            results.add(new SubscribeResult.Granted(granted));
            boolean sendRetained = !filter.isShared()
                    && settings.retainAvailable()
                    && switch (options.retainHandling()) {
                        case SEND_ON_SUBSCRIBE -> true;
                        case SEND_IF_NEW_SUBSCRIPTION -> !existed;
                        case DO_NOT_SEND -> false;
                    };
            if (sendRetained) {
                ClientInfo client = session.clientInfo();
                List<Message> matching = retained.matching(filter, now).stream()
                        .filter(m -> accessControl.mayReceive(client, m.topic()))
                        .toList();
                if (!matching.isEmpty()) {
                    List<Integer> ids =
                            options.subscriptionIdentifier().stream().boxed().toList();
                    // Through the mailbox, so the protocol's acknowledgement goes out first.
                    session.mailbox.post(() -> session.deliverRetained(matching, granted, ids));
                }
            }
        }
        return results;
    }

    private Refusal refusalFor(Session session, TopicFilter filter, SubscriptionOptions options) {
        if (!withinTopicLimits(filter.filter())) {
            counters.limitExceeded(Traffic.Limit.TOPIC_LEVELS_OR_LENGTH);
            return Refusal.TOPIC_FILTER_INVALID;
        }
        if (filter.isShared() && !settings.sharedSubscriptionsAvailable()) {
            return Refusal.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED;
        }
        if (filter.hasWildcard() && !settings.wildcardSubscriptionsAvailable()) {
            return Refusal.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED;
        }
        if (options.subscriptionIdentifier().isPresent() && !settings.subscriptionIdentifiersAvailable()) {
            return Refusal.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED;
        }
        if (!session.subscriptions.containsKey(filter.text())
                && session.subscriptionCount() >= settings.maxSubscriptionsPerClient()) {
            counters.limitExceeded(Traffic.Limit.SUBSCRIPTIONS_PER_CLIENT);
            return Refusal.QUOTA_EXCEEDED;
        }
        if (!accessControl.maySubscribe(session.clientInfo(), filter)) {
            return Refusal.NOT_AUTHORIZED;
        }
        return null;
    }

    private boolean withinTopicLimits(String topic) {
        if (topic.length() > settings.maxTopicLength()) {
            return false;
        }
        int levels = 1;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                levels++;
            }
        }
        return levels <= settings.maxTopicLevels();
    }

    // ---- shared services and figures --------------------------------------------------------------------------------

    CoreSettings settings() {
        return settings;
    }

    InstantSource clock() {
        return clock;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Counters counters() {
        return counters;
    }

    TopicIndex<Session> index() {
        return index;
    }

    public int connectedCount() {
        return connected.get();
    }

    public int sessionCount() {
        return byClientId.size();
    }

    public int subscriptionCount() {
        return index.size();
    }

    public int retainedCount() {
        return retained.size();
    }
}
