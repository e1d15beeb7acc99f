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
import dev.tern.api.store.SessionStore;
import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.StoredSession;
import dev.tern.api.store.StoredState;
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
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    private final SessionStore store;
    /** Identities of stored messages: one per publication that is journalled, shared by all its deliveries. */
    private final AtomicLong messageIds = new AtomicLong();

    private final AtomicLong storeGenerations = new AtomicLong();
    private volatile boolean shuttingDown;

    public Sessions(
            CoreSettings settings,
            AccessControl accessControl,
            InstantSource clock,
            Scheduler scheduler,
            Counters counters,
            SessionStore store) {
        this.settings = settings;
        this.accessControl = accessControl;
        this.clock = clock;
        this.scheduler = scheduler;
        this.counters = counters;
        this.store = store;
    }

    /**
     * Restores what the store kept, before any client connects: retained messages, then sessions (subscriptions into
     * the index, deliveries into their queues), then their wills and expiry, so that a will due at once reaches every
     * restored subscriber.
     */
    public RestoreSummary restore(StoredState state) {
        long now = clock.millis();
        messageIds.set(state.lastMessageId());
        int retainedCount = 0;
        for (Message message : state.retained()) {
            if (message.isExpiredAt(now)) {
                store.write(List.of(new StoreChange.RetainedRemoved(message.topic())));
            } else {
                retained.retain(message);
                retainedCount++;
            }
        }
        // Restored sessions are offline: their tasks run on the timer's thread until a client connects.
        Executor offline = task -> scheduler.schedule(task, 0);
        List<Session> restored = new ArrayList<>(state.sessions().size());
        List<Long> offlineSince = new ArrayList<>(state.sessions().size());
        int deliveries = 0;
        for (StoredSession stored : state.sessions()) {
            Session session = new Session(stored.session().clientId(), this, offline);
            session.restore(stored, storeGenerations.incrementAndGet());
            byClientId.put(session.clientId, session);
            restored.add(session);
            offlineSince.add(stored.session().disconnectedAtMillis().orElse(now));
            deliveries += stored.deliveries().size();
        }
        for (int i = 0; i < restored.size(); i++) {
            Session session = restored.get(i);
            long since = offlineSince.get(i);
            session.mailbox.post(() -> session.startRestoredTimers(since));
        }
        return new RestoreSummary(restored.size(), deliveries, retainedCount);
    }

    /** What {@link #restore} brought back, for the start-up log. */
    public record RestoreSummary(int sessions, int deliveries, int retainedMessages) {}

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

    /** A publication that belongs to no session; {@code onOutcome} may run on the store's thread. */
    public void publish(Message message, Consumer<PublishOutcome> onOutcome) {
        accept(message, null, NO_PACKET_ID, onOutcome);
    }

    /**
     * A client's publication; {@code exactlyOncePacketId} is the QoS 2 identifier to store with it ({@link
     * #NO_PACKET_ID} for QoS 0 and 1).
     */
    void publishFrom(Session publisher, Message message, int exactlyOncePacketId, Consumer<PublishOutcome> onOutcome) {
        if (!withinTopicLimits(message.topic().value())) {
            counters.limitExceeded(Traffic.Limit.TOPIC_LEVELS_OR_LENGTH);
            onOutcome.accept(new PublishOutcome.Refused(Refusal.TOPIC_NAME_INVALID));
            return;
        }
        if (!accessControl.mayPublish(publisher.clientInfo(), message.topic())) {
            onOutcome.accept(new PublishOutcome.Refused(Refusal.NOT_AUTHORIZED));
            return;
        }
        accept(message, publisher, exactlyOncePacketId, onOutcome);
    }

    /** A will: stamped with the time it is published, so its expiry counts from now (MQTT 5 3.1.3.2.3). */
    void publishWill(Message will, ClientInfo client) {
        Message stamped = will.republishedAt(clock.millis());
        if (client == null || accessControl.mayPublish(client, will.topic())) {
            accept(stamped, null, NO_PACKET_ID, outcome -> {});
        }
    }

    /** Packet identifiers are 1..65535: 0 says there is none. */
    static final int NO_PACKET_ID = 0;

    private void accept(
            Message message, Session publisher, int exactlyOncePacketId, Consumer<PublishOutcome> onOutcome) {
        counters.messageReceived();
        boolean durable = store.isDurable();
        if (durable && message.qos() != Qos.AT_MOST_ONCE && !store.acceptsWrites()) {
            // Acknowledging what cannot be kept would break the promise; the publisher hears why and may retry.
            counters.limitExceeded(Traffic.Limit.STORE_FULL);
            onOutcome.accept(new PublishOutcome.Refused(Refusal.QUOTA_EXCEEDED));
            return;
        }
        List<StoreChange> changes = durable ? new ArrayList<>(4) : null;
        if (message.retain() && settings.retainAvailable()) {
            retained.retain(message);
            if (durable && !message.topic().value().startsWith("$")) { // $SYS is made anew, never kept
                changes.add(
                        message.payload().isEmpty()
                                ? new StoreChange.RetainedRemoved(message.topic())
                                : new StoreChange.RetainedSaved(message));
            }
        }
        if (durable && exactlyOncePacketId != NO_PACKET_ID && publisher.storeGeneration != 0) {
            changes.add(new StoreChange.ExactlyOnceHeld(publisher.clientId, exactlyOncePacketId));
        }
        route(message, changes, onOutcome);
    }

    /**
     * Hands {@code message} to every matching session. QoS 1/2 copies for journalled sessions join {@code changes};
     * when there are changes, the outcome waits for them to be stored, and so do QoS 2 copies: a QoS 2 message may
     * reach a client only once it is stored, or a restart could send it again under another identifier. QoS 0 and 1
     * copies go at once (a QoS 1 duplicate after a crash is allowed).
     */
    private void route(Message message, List<StoreChange> changes, Consumer<PublishOutcome> onOutcome) {
        List<TopicIndex.Entry<Session>> matches = index.match(message.topic(), Sessions::pickSharedMember);
        if (matches.isEmpty()) {
            complete(changes, List.of(), 0, onOutcome);
            return;
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
        long messageId = 0;
        List<Runnable> now = new ArrayList<>(targets.size());
        List<Runnable> whenStored = List.of();
        for (Fanout fanout : targets) {
            Session session = fanout.session;
            Qos qos = message.qos().min(fanout.qos);
            // [MQTT-3.3.1-12] RETAIN is cleared on live messages unless the subscription keeps it as published.
            boolean retain = fanout.retainAsPublished && message.retain();
            long seq = qos == Qos.AT_MOST_ONCE ? 0 : session.nextSeq.getAndIncrement();
            long generation = session.storeGeneration;
            Deliverable item;
            if (changes != null && qos != Qos.AT_MOST_ONCE && generation != 0) {
                if (messageId == 0) {
                    messageId = messageIds.incrementAndGet();
                }
                item = new Deliverable(
                        message, qos, retain, fanout.subscriptionIdentifiers, seq, messageId, generation, false);
                changes.add(new StoreChange.DeliveryQueued(
                        session.clientId,
                        new StoredDelivery(
                                seq, messageId, message, qos, retain, fanout.subscriptionIdentifiers, false)));
            } else {
                item = Deliverable.transientDelivery(message, qos, retain, fanout.subscriptionIdentifiers, seq);
            }
            Runnable hand = () -> session.mailbox.post(() -> session.enqueue(item));
            if (item.isStored() && qos == Qos.EXACTLY_ONCE) {
                if (whenStored.isEmpty()) {
                    whenStored = new ArrayList<>(2);
                }
                whenStored.add(hand);
            } else {
                now.add(hand);
            }
        }
        // Journal first: a delivery's removal (its acknowledgement) must reach the store after its queueing.
        complete(changes, whenStored, targets.size(), onOutcome);
        for (Runnable hand : now) {
            hand.run();
        }
    }

    /** Stores {@code changes} (if any), then hands over {@code whenStored} and reports the outcome. */
    private void complete(
            List<StoreChange> changes, List<Runnable> whenStored, int matched, Consumer<PublishOutcome> onOutcome) {
        if (changes == null || changes.isEmpty()) {
            onOutcome.accept(new PublishOutcome.Accepted(matched));
            return;
        }
        store.write(changes, result -> {
            switch (result) {
                case WRITTEN -> {
                    for (Runnable hand : whenStored) {
                        hand.run();
                    }
                    onOutcome.accept(new PublishOutcome.Accepted(matched));
                }
                case NO_SPACE -> {
                    counters.limitExceeded(Traffic.Limit.STORE_FULL);
                    onOutcome.accept(new PublishOutcome.Refused(Refusal.QUOTA_EXCEEDED));
                }
                case FAILED -> onOutcome.accept(new PublishOutcome.Refused(Refusal.IMPLEMENTATION_SPECIFIC));
            }
        });
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
    }

    // ---- subscribing ------------------------------------------------------------------------------------------------

    /**
     * What a subscribe request came to: {@code results} for the client, once the subscriptions are stored, and {@code
     * afterAnswer}, which hands retained messages to the session once the client has its answer.
     */
    record Subscribed(List<SubscribeResult> results, Runnable afterAnswer) {}

    void subscribe(Session session, List<Subscribe> requests, Consumer<Subscribed> onStored) {
        List<SubscribeResult> results = new ArrayList<>(requests.size());
        List<StoreChange> changes = new ArrayList<>(requests.size());
        List<Runnable> retainedDeliveries = new ArrayList<>(0);
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
            changes.add(new StoreChange.SubscriptionSaved(session.clientId, filter, stored));
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
                    // Through the mailbox, once the protocol's acknowledgement went out.
                    retainedDeliveries.add(
                            () -> session.mailbox.post(() -> session.deliverRetained(matching, granted, ids)));
                }
            }
        }
        Subscribed subscribed = new Subscribed(results, () -> retainedDeliveries.forEach(Runnable::run));
        session.journal(changes, () -> onStored.accept(subscribed));
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

    SessionStore store() {
        return store;
    }

    long nextStoreGeneration() {
        return storeGenerations.incrementAndGet();
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
