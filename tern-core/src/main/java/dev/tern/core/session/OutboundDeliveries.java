package dev.tern.core.session;

import dev.tern.api.broker.Traffic.DropReason;
import dev.tern.api.message.Qos;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DeliveryOutcome;
import dev.tern.api.session.Outlet;
import dev.tern.core.CoreSettings;
import dev.tern.core.sys.Counters;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * A session's QoS 1/2 inflight window and bounded queue towards one client. Confined to the session's mailbox owner
 * thread like the rest of {@link Session}, which owns one instance and tells it about each connection ({@link
 * #attach}) and its end ({@link #detach}).
 */
final class OutboundDeliveries {
    private final CoreSettings settings;
    private final Counters counters;
    private final InstantSource clock;
    private final DeliveryJournal journal;
    /** The current connection's outlet; null while the session is offline. */
    private Outlet outlet;

    private int receiveMaximum = 65_535;
    private final LinkedHashMap<Integer, Inflight> inflight = new LinkedHashMap<>();
    /** Inflight deliveries not yet resent on the current connection because its window was full. */
    private int awaitingResend;

    private final ArrayDeque<Deliverable> queue = new ArrayDeque<>();
    private long queuedBytes;

    OutboundDeliveries(CoreSettings settings, Counters counters, InstantSource clock, DeliveryJournal journal) {
        this.settings = settings;
        this.counters = counters;
        this.clock = clock;
        this.journal = journal;
    }

    /** A connection opened: deliveries go to {@code newOutlet}, within the client's Receive Maximum. */
    void attach(Outlet newOutlet, int clientReceiveMaximum) {
        outlet = newOutlet;
        receiveMaximum = clientReceiveMaximum;
    }

    /** The connection ended: deliveries wait in the queue and the inflight map. Returns the outlet it had. */
    Outlet detach() {
        Outlet old = outlet;
        outlet = null;
        return old;
    }

    /** The current connection's outlet, or null while the session is offline. */
    Outlet outlet() {
        return outlet;
    }

    /** Ends a batch: the connection writes out what it was given. */
    void flush() {
        if (outlet != null) {
            outlet.flush();
        }
    }

    /** The connection can take more: send what waits, then write it out. */
    void resume() {
        pump();
        flush();
    }

    /**
     * Deliveries read back from the store after a restart, in sequence order. Those the client had received (QoS 2
     * PUBREC) wait for PUBCOMP and get their PUBREL again; the rest are queued, to be sent with DUP set: they may have
     * reached the client before the restart [MQTT-4.4.0-1].
     */
    void restore(List<Deliverable> items, List<Boolean> released) {
        for (int i = 0; i < items.size(); i++) {
            Deliverable item = items.get(i);
            if (released.get(i)) {
                Delivery delivery = new Delivery(
                        item.message(),
                        item.qos(),
                        item.packetId(),
                        true,
                        item.retain(),
                        item.subscriptionIdentifiers());
                Inflight entry = new Inflight(delivery, item);
                entry.released = true;
                inflight.put(item.packetId(), entry);
            } else {
                queue.add(item);
                queuedBytes += item.size();
            }
        }
    }

    /** Drops everything outstanding, for a session that ends or starts clean. */
    void clear() {
        inflight.clear();
        awaitingResend = 0;
        queue.clear();
        queuedBytes = 0;
    }

    // ---- delivery ---------------------------------------------------------------------------------------------------

    /** A routed message arrives: sent at once when nothing waits and the window allows, otherwise queued. */
    void enqueue(Deliverable item) {
        long now = clock.millis();
        if (item.message().isExpiredAt(now)) {
            counters.messageDropped(DropReason.EXPIRED);
            journal.finished(item);
            return;
        }
        if (outlet == null && item.qos() == Qos.AT_MOST_ONCE && !settings.queueQos0Offline()) {
            counters.messageDropped(DropReason.QOS0_NOT_DELIVERABLE);
            return;
        }
        if (outlet != null && queue.isEmpty() && canSendNow(item)) {
            send(item);
            return;
        }
        offer(item);
    }

    private void offer(Deliverable item) {
        if (queue.size() >= settings.maxQueuedMessages() || queuedBytes + item.size() > settings.maxQueuedBytes()) {
            if (settings.queueOverflow() == CoreSettings.QueueOverflow.DROP_OLDEST && !queue.isEmpty()) {
                Deliverable oldest = queue.poll();
                queuedBytes -= oldest.size();
                counters.messageDropped(DropReason.QUEUE_FULL);
                journal.finished(oldest);
                offer(item);
                return;
            }
            counters.messageDropped(DropReason.QUEUE_FULL);
            journal.finished(item);
            return;
        }
        queue.add(item);
        queuedBytes += item.size();
    }

    /**
     * The window has room, and the delivery's packet identifier is free: it derives from the delivery's sequence number,
     * so it is taken only when a delivery 65,535 places older is still unacknowledged; this one then waits for it.
     */
    private boolean canSendNow(Deliverable item) {
        if (!outlet.isWritable()) {
            return false;
        }
        return item.qos() == Qos.AT_MOST_ONCE || (inflight.size() < window() && !inflight.containsKey(item.packetId()));
    }

    /** QoS 1/2 deliveries the client may have unacknowledged: its Receive Maximum, capped by mqtt.max_inflight. */
    private int window() {
        return Math.min(receiveMaximum, settings.maxInflight());
    }

    /** Sends what the inflight window and the connection allow, oldest first. */
    void pump() {
        if (awaitingResend > 0 && outlet != null) {
            resendAwaiting();
            if (awaitingResend > 0) {
                return; // older deliveries go first
            }
        }
        long now = clock.millis();
        while (outlet != null && !queue.isEmpty()) {
            Deliverable head = queue.peek();
            if (head.message().isExpiredAt(now)) {
                queue.poll();
                queuedBytes -= head.size();
                counters.messageDropped(DropReason.EXPIRED);
                journal.finished(head);
                continue;
            }
            if (!canSendNow(head)) {
                return;
            }
            queue.poll();
            queuedBytes -= head.size();
            send(head);
        }
    }

    private void send(Deliverable item) {
        int packetId = item.packetId();
        Delivery delivery = new Delivery(
                item.message(), item.qos(), packetId, item.redelivery(), item.retain(), item.subscriptionIdentifiers());
        DeliveryOutcome outcome = outlet.deliver(delivery);
        switch (outcome) {
            case SENT -> {
                counters.messageSent();
                if (packetId != 0) {
                    inflight.put(packetId, new Inflight(delivery, item));
                }
            }
            case DROPPED_TOO_LARGE, DROPPED_EXPIRED -> journal.finished(item); // the outlet counted the drop
        }
    }

    /**
     * After a reconnect: unacknowledged deliveries again, with DUP and their packet ids [MQTT-4.4.0-1], in their
     * original order. Each one takes a place in the new connection's window until it is acknowledged, a released QoS 2
     * one (PUBREL resent) until PUBCOMP: a client that reconnects with a smaller Receive Maximum than it has deliveries
     * outstanding must not be sent more than it allows [MQTT-3.3.4-9] [MQTT-4.9.0-2]. Those that do not fit wait,
     * ahead of anything new, and go out as acknowledgements free places ({@link #resendAwaiting}).
     */
    void resumeDeliveries() {
        if (outlet == null) {
            return;
        }
        awaitingResend = 0;
        int outstanding = 0;
        for (Iterator<Inflight> it = inflight.values().iterator(); it.hasNext(); ) {
            Inflight entry = it.next();
            entry.awaitingResend = false;
            if (entry.released) {
                outlet.resendRelease(entry.delivery.packetId()); // not a PUBLISH: never held back [MQTT-3.3.4-10]
                outstanding++;
            } else if (outstanding >= window()) {
                entry.awaitingResend = true;
                awaitingResend++;
            } else if (resend(entry)) {
                outstanding++;
            } else {
                it.remove();
                journal.finished(entry.item);
            }
        }
        pump();
        outlet.flush();
    }

    /** Resends deliveries held back by {@link #resumeDeliveries} while the window has room, oldest first. */
    private void resendAwaiting() {
        int outstanding = inflight.size() - awaitingResend;
        for (Iterator<Inflight> it = inflight.values().iterator(); it.hasNext() && awaitingResend > 0; ) {
            Inflight entry = it.next();
            if (!entry.awaitingResend) {
                continue;
            }
            if (outstanding >= window() || !outlet.isWritable()) {
                return;
            }
            entry.awaitingResend = false;
            awaitingResend--;
            if (resend(entry)) {
                outstanding++;
            } else {
                it.remove();
                journal.finished(entry.item);
            }
        }
    }

    /** Sends an inflight delivery again with DUP; false when the outlet dropped it (counted there; id free again). */
    private boolean resend(Inflight entry) {
        Delivery d = entry.delivery;
        Delivery again =
                new Delivery(d.message(), d.qos(), d.packetId(), true, d.retain(), d.subscriptionIdentifiers());
        return outlet.deliver(again) == DeliveryOutcome.SENT;
    }

    // ---- acknowledgements from the client -------------------------------------------------------------------------

    void acknowledged(int packetId) {
        Inflight removed = inflight.remove(packetId);
        if (removed != null) {
            notAwaitingResend(removed);
            journal.finished(removed.item);
            pump();
        }
    }

    /** PUBREC: {@code then} gets whether the identifier was known, once the release is durable. */
    void received(int packetId, Consumer<Boolean> then) {
        Inflight entry = inflight.get(packetId);
        if (entry == null || entry.delivery.qos() != Qos.EXACTLY_ONCE) {
            then.accept(false);
            return;
        }
        notAwaitingResend(entry); // the client had it from the previous connection
        if (entry.released) {
            then.accept(true); // a repeated PUBREC: the release is journalled already
            return;
        }
        entry.released = true;
        journal.released(entry.item, () -> then.accept(true));
    }

    void completed(int packetId) {
        Inflight entry = inflight.get(packetId);
        if (entry != null && entry.delivery.qos() == Qos.EXACTLY_ONCE) {
            inflight.remove(packetId);
            notAwaitingResend(entry);
            journal.finished(entry.item);
            pump();
        }
    }

    private void notAwaitingResend(Inflight entry) {
        if (entry.awaitingResend) {
            entry.awaitingResend = false;
            awaitingResend--;
        }
    }
}
