package dev.tern.core.session;

import dev.tern.api.broker.Traffic.DropReason;
import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.session.CloseReason;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.Outlet;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.session.Will;
import dev.tern.api.store.SessionRecord;
import dev.tern.api.store.SessionStore;
import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.StoredSession;
import dev.tern.api.store.StoredSubscription;
import dev.tern.api.topic.TopicFilter;
import dev.tern.core.CoreSettings;
import dev.tern.core.time.Scheduler.Cancellable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's session. Every field below {@link #mailbox} is confined to the mailbox's current owner thread; the
 * volatile fields are snapshots other threads read for routing decisions.
 */
final class Session implements DeliveryJournal {
    private static final Logger log = LoggerFactory.getLogger(Session.class);

    final String clientId;
    final Mailbox mailbox;
    /** Connected right now: shared-subscription picking prefers connected members. */
    volatile boolean online;
    /** The client as last connected, for authorisation checks on routing threads. */
    volatile ClientInfo client;
    /**
     * Not 0 while the session is journalled (a store is configured and its expiry is not 0): then routing threads
     * journal QoS 1/2 deliveries to it, tagged with this generation. A new one each time the session is stored anew,
     * so a delivery journalled under an earlier generation (since removed with the session) is never removed twice.
     */
    volatile long storeGeneration;
    /** Sequence numbers of QoS 1/2 deliveries, taken by routing threads; packet identifiers derive from them. */
    final AtomicLong nextSeq = new AtomicLong(1);

    private final Sessions sessions;
    private final CoreSettings settings;
    private ConnectedSession handle;
    private boolean fresh = true;
    private boolean ended;
    private long epoch;
    private long expirySeconds;
    private Optional<Will> will = Optional.empty();
    private Cancellable willTimer;
    private Cancellable expiryTimer;
    final Map<String, TopicFilter> subscriptions = new HashMap<>();
    /** The QoS 1/2 inflight window and bounded queue towards the client. */
    final OutboundDeliveries deliveries;

    final Set<Integer> exactlyOnceIn = new HashSet<>();

    Session(String clientId, Sessions sessions, Executor initialOwner) {
        this.clientId = clientId;
        this.sessions = sessions;
        this.settings = sessions.settings();
        this.deliveries = new OutboundDeliveries(settings, sessions.counters(), sessions.clock(), this);
        this.mailbox = new Mailbox(initialOwner, this::afterBatch);
    }

    /** A session read back from the store, offline, journalled under {@code generation}. */
    void restore(StoredSession stored, long generation) {
        SessionRecord record = stored.session();
        fresh = false;
        client = record.client();
        expirySeconds = record.expirySeconds();
        will = record.will();
        storeGeneration = generation;
        long now = sessions.clock().millis();
        for (StoredSubscription subscription : stored.subscriptions()) {
            subscriptions.put(subscription.filter().text(), subscription.filter());
            sessions.index().add(this, subscription.filter(), subscription.options());
        }
        exactlyOnceIn.addAll(stored.exactlyOnceHeld());
        List<Deliverable> items = new ArrayList<>(stored.deliveries().size());
        List<Boolean> released = new ArrayList<>(stored.deliveries().size());
        long lastSeq = 0;
        for (StoredDelivery delivery : stored.deliveries()) {
            lastSeq = Math.max(lastSeq, delivery.seq());
            Deliverable item = new Deliverable(
                    delivery.message(),
                    delivery.qos(),
                    delivery.retain(),
                    delivery.subscriptionIdentifiers(),
                    delivery.seq(),
                    delivery.messageId(),
                    generation,
                    true);
            if (!delivery.released() && delivery.message().isExpiredAt(now)) {
                sessions.counters().messageDropped(DropReason.EXPIRED);
                finished(item); // expired while the broker was down
                continue;
            }
            items.add(item);
            released.add(delivery.released());
        }
        nextSeq.set(lastSeq + 1);
        deliveries.restore(items, released);
    }

    /**
     * Starts a restored session's will delay and expiry, counted from {@code disconnectedAtMillis}; called once every
     * session is restored, so a will due at once reaches subscribers of every session. A will whose delay passed while
     * the broker was down goes out now, and a session that expired meanwhile ends now (its will with it).
     */
    void startRestoredTimers(long disconnectedAtMillis) {
        long now = sessions.clock().millis();
        long at = epoch;
        if (will.isPresent()) {
            long delayLeft = disconnectedAtMillis + will.get().delaySeconds() * 1000 - now;
            willTimer = sessions.scheduler()
                    .schedule(() -> mailbox.post(() -> willDelayPassed(at)), Math.max(0, delayLeft));
        }
        if (expirySeconds != SessionRequest.NEVER_EXPIRES) {
            long left = disconnectedAtMillis + expirySeconds * 1000 - now;
            expiryTimer = sessions.scheduler().schedule(() -> mailbox.post(() -> expiryPassed(at)), Math.max(0, left));
        }
    }

    // ---- connect, takeover, disconnect, end --------------------------------------------------------------------

    /** Runs in the mailbox: opens the session for a new connection, taking it over from any current one. */
    void attach(SessionRequest request, Outlet newOutlet, Consumer<ConnectResult> onResult) {
        if (ended) {
            sessions.connect(request, newOutlet, onResult); // ended while this waited: start over with a new session
            return;
        }
        // A session whose expiry is 0 (3.x Clean Session 1, 5.0 Session Expiry Interval 0) lasts only as long as its
        // connection, so closing that connection for a takeover ends it: the new connection starts a new session
        // with nothing present, exactly as with Clean Start [MQTT-3.1.2-6] (3.1.1: "State data associated with this
        // Session MUST NOT be reused in any subsequent Session"; 5.0 section 3.1.2.11.2).
        boolean endsWithTakeover = deliveries.outlet() != null && expirySeconds == 0;
        boolean discard = request.cleanStart() || endsWithTakeover;
        if (deliveries.outlet() != null) {
            takeOver(discard);
        }
        cancelTimers();
        if (discard && will.isPresent()) {
            publishWill(); // a pending delayed will goes out when its session ends [MQTT-3.1.3-9]
        }
        boolean present = !fresh && !discard;
        if (discard && !fresh) {
            clearState();
        }
        fresh = false;
        epoch++;
        client = request.client();
        expirySeconds = Math.min(request.sessionExpirySeconds(), settings.maxSessionExpirySeconds());
        will = request.will();
        journalSession(OptionalLong.empty());
        deliveries.attach(newOutlet, request.receiveMaximum());
        online = true;
        sessions.connectionOpened();
        ConnectedSession connected = new ConnectedSession(this, newOutlet.executor());
        handle = connected;
        long appliedExpiry = expirySeconds;
        mailbox.moveTo(newOutlet.executor());
        // Queued on the new owner ahead of the mailbox's next drain, so CONNACK precedes any delivery.
        newOutlet.executor().execute(() -> {
            onResult.accept(new ConnectResult.Connected(connected, present, appliedExpiry));
            if (!connected.isDetached()) {
                deliveries.resumeDeliveries();
            }
        });
    }

    /** {@code sessionEnds}: the takeover ends this session (Clean Start, or a session that ends with its connection). */
    private void takeOver(boolean sessionEnds) {
        Outlet old = detachConnection();
        log.info("session taken over: clientId={} peer={}", clientId, client.peer());
        old.close(CloseReason.SESSION_TAKEN_OVER);
        // The old connection ended without DISCONNECT: its will goes now if it has no delay, or if the new
        // connection ends the session; otherwise the new connection came in time and it is dropped [MQTT-3.1.3-9].
        if (will.isPresent() && (will.get().delaySeconds() == 0 || sessionEnds)) {
            publishWill();
        }
        will = Optional.empty();
    }

    /** The connection of {@code from} ended. */
    void disconnected(ConnectedSession from, DisconnectKind kind, OptionalLong newExpirySeconds) {
        if (from != handle || deliveries.outlet() == null) {
            return;
        }
        detachConnection();
        newExpirySeconds.ifPresent(seconds -> expirySeconds = Math.min(seconds, settings.maxSessionExpirySeconds()));
        if (kind == DisconnectKind.NORMAL) {
            will = Optional.empty(); // [MQTT-3.14.4-3] a normal DISCONNECT discards the will
        }
        if (expirySeconds != 0) {
            journalSession(OptionalLong.of(sessions.clock().millis()));
        }
        if (will.isPresent()) {
            long delay = will.get().delaySeconds();
            if (delay == 0) {
                publishWill();
            } else if (delay < expirySeconds) {
                long at = epoch;
                willTimer = sessions.scheduler().schedule(() -> mailbox.post(() -> willDelayPassed(at)), delay * 1000);
            }
            // Otherwise the session ends first and end() publishes the will, in the same task that ends the session:
            // a client that sees the will and reconnects at once must find the session gone, not about to go.
        }
        if (expirySeconds == 0) {
            end();
        } else if (expirySeconds != SessionRequest.NEVER_EXPIRES) {
            long at = epoch;
            expiryTimer =
                    sessions.scheduler().schedule(() -> mailbox.post(() -> expiryPassed(at)), expirySeconds * 1000);
        }
    }

    private void willDelayPassed(long at) {
        if (at == epoch && deliveries.outlet() == null && will.isPresent()) {
            publishWill();
        }
    }

    private void expiryPassed(long at) {
        if (at == epoch && deliveries.outlet() == null && !ended) {
            log.debug("session expired: clientId={}", clientId);
            end();
        }
    }

    /** Ends the session: subscriptions leave the index, state is dropped, a pending will goes out. */
    void end() {
        if (ended) {
            return;
        }
        if (will.isPresent()) {
            publishWill();
        }
        cancelTimers();
        clearState();
        ended = true;
        sessions.remove(this);
    }

    /** Called by the broker's shutdown: close the connection, keep the session. */
    void shutdown() {
        Outlet outlet = deliveries.outlet();
        if (outlet != null) {
            outlet.close(CloseReason.SERVER_SHUTTING_DOWN);
        }
    }

    private void publishWill() {
        Will pending = will.orElseThrow();
        will = Optional.empty();
        if (willTimer != null) {
            willTimer.cancel();
            willTimer = null;
        }
        sessions.publishWill(pending.message(), client);
        if (storeGeneration != 0 && !ended) {
            boolean offline = deliveries.outlet() == null;
            journalSession(offline ? OptionalLong.of(sessions.clock().millis()) : OptionalLong.empty());
        }
    }

    // ---- journal ----------------------------------------------------------------------------------------------------

    /**
     * Journals the session's row when it outlives its connection (and a store is configured); a session that stops
     * doing so leaves the store with everything it had there.
     */
    private void journalSession(OptionalLong disconnectedAt) {
        SessionStore store = sessions.store();
        if (!store.isDurable()) {
            return;
        }
        if (expirySeconds == 0) {
            unjournal();
            return;
        }
        if (storeGeneration == 0) {
            storeGeneration = sessions.nextStoreGeneration();
        }
        store.write(
                List.of(new StoreChange.SessionSaved(new SessionRecord(client, expirySeconds, will, disconnectedAt))));
    }

    /** Removes the session and everything under it from the store. */
    private void unjournal() {
        if (storeGeneration != 0) {
            storeGeneration = 0;
            sessions.store().write(List.of(new StoreChange.SessionRemoved(clientId)));
        }
    }

    /** Journals {@code changes} when the session is journalled, calling {@code then} once they are durable. */
    void journal(List<StoreChange> changes, Runnable then) {
        if (storeGeneration == 0 || changes.isEmpty()) {
            then.run();
        } else {
            sessions.store().write(changes, result -> then.run());
        }
    }

    /** Journals {@code change}, without waiting, when the session is journalled. */
    void journal(StoreChange change) {
        if (storeGeneration != 0) {
            sessions.store().write(List.of(change));
        }
    }

    @Override
    public void finished(Deliverable item) {
        if (item.isStored() && item.storeGeneration() == storeGeneration) {
            sessions.store().write(List.of(new StoreChange.DeliveryRemoved(clientId, item.seq(), item.messageId())));
        }
    }

    @Override
    public void released(Deliverable item, Runnable then) {
        if (item.isStored() && item.storeGeneration() == storeGeneration) {
            sessions.store()
                    .write(List.of(new StoreChange.DeliveryReleased(clientId, item.seq())), result -> then.run());
        } else {
            then.run();
        }
    }

    private void cancelTimers() {
        if (willTimer != null) {
            willTimer.cancel();
            willTimer = null;
        }
        if (expiryTimer != null) {
            expiryTimer.cancel();
            expiryTimer = null;
        }
    }

    private void clearState() {
        for (TopicFilter filter : subscriptions.values()) {
            sessions.index().remove(this, filter);
        }
        subscriptions.clear();
        deliveries.clear();
        exactlyOnceIn.clear();
        unjournal();
    }

    // ---- delivery ---------------------------------------------------------------------------------------------------

    /** Runs in the mailbox: a routed message arrives. */
    void enqueue(Deliverable item) {
        if (ended) {
            return;
        }
        deliveries.enqueue(item);
    }

    private void afterBatch() {
        deliveries.flush();
    }

    /** The current connection goes: its handle stops working, deliveries wait. Returns its outlet. */
    private Outlet detachConnection() {
        handle.detach();
        online = false;
        sessions.connectionClosed();
        return deliveries.detach();
    }

    // ---- subscriptions ----------------------------------------------------------------------------------------------

    /** Records a granted subscription; true when it replaced one with the same filter. */
    boolean subscribe(TopicFilter filter, SubscriptionOptions options) {
        boolean existed = subscriptions.put(filter.text(), filter) != null;
        sessions.index().add(this, filter, options);
        return existed;
    }

    boolean unsubscribe(TopicFilter filter) {
        if (subscriptions.remove(filter.text()) == null) {
            return false;
        }
        sessions.index().remove(this, filter);
        journal(new StoreChange.SubscriptionRemoved(clientId, filter));
        return true;
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    /** Retained messages for a new subscription, sent after the protocol's acknowledgement. */
    void deliverRetained(List<Message> retained, Qos grantedQos, List<Integer> subscriptionIdentifiers) {
        for (Message message : retained) {
            // [MQTT-3.3.1-8] retained messages sent for a new subscription carry RETAIN 1.
            Qos qos = message.qos().min(grantedQos);
            long seq = qos == Qos.AT_MOST_ONCE ? 0 : nextSeq.getAndIncrement();
            enqueue(Deliverable.transientDelivery(message, qos, true, subscriptionIdentifiers, seq));
        }
    }

    Sessions sessionsForHandle() {
        return sessions;
    }

    ClientInfo clientInfo() {
        return client;
    }
}
