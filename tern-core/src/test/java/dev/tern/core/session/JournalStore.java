package dev.tern.core.session;

import dev.tern.api.message.Message;
import dev.tern.api.store.SessionRecord;
import dev.tern.api.store.SessionStore;
import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.StoredSession;
import dev.tern.api.store.StoredState;
import dev.tern.api.store.StoredSubscription;
import dev.tern.api.store.WriteResult;
import dev.tern.api.topic.TopicName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A store for core tests: applies the journal to maps, the way a durable store would, and reads it back as a restart
 * would. Writes can be held (to see what waits for them) or fail (a full disk); a crash loses held writes.
 */
final class JournalStore implements SessionStore {
    private record Pending(List<StoreChange> changes, Consumer<WriteResult> onWritten) {}

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Map<String, SessionRecord> sessions = new LinkedHashMap<>();
    private final Map<String, Map<String, StoredSubscription>> subscriptions = new HashMap<>();
    private final Map<String, TreeMap<Long, StoredDelivery>> deliveries = new HashMap<>();
    private final Map<String, Set<Integer>> exactlyOnce = new HashMap<>();
    private final Map<TopicName, Message> retained = new LinkedHashMap<>();
    private long lastMessageId;

    /** Writes wait for {@link #completeHeld} instead of completing at once. */
    boolean holding;
    /** Writes fail with this result (and change nothing) while it is not {@code WRITTEN}. */
    WriteResult failing = WriteResult.WRITTEN;

    @Override
    public boolean isDurable() {
        return true;
    }

    @Override
    public StoredState load() {
        List<StoredSession> out = new ArrayList<>();
        sessions.forEach((clientId, record) -> out.add(new StoredSession(
                record,
                List.copyOf(subscriptions.getOrDefault(clientId, Map.of()).values()),
                List.copyOf(deliveries.getOrDefault(clientId, new TreeMap<>()).values()),
                exactlyOnce.getOrDefault(clientId, Set.of()))));
        return new StoredState(out, List.copyOf(retained.values()), lastMessageId);
    }

    @Override
    public void write(List<StoreChange> changes, Consumer<WriteResult> onWritten) {
        queue.add(new Pending(List.copyOf(changes), onWritten));
        if (!holding) {
            completeHeld();
        }
    }

    @Override
    public void write(List<StoreChange> changes) {
        write(changes, result -> {});
    }

    @Override
    public boolean acceptsWrites() {
        return failing != WriteResult.NO_SPACE;
    }

    @Override
    public void close() {}

    /** Completes every held write, in order. */
    void completeHeld() {
        Pending pending;
        while ((pending = queue.poll()) != null) {
            if (failing == WriteResult.WRITTEN) {
                pending.changes().forEach(this::apply);
            }
            pending.onWritten().accept(failing);
        }
    }

    /** A crash: held writes never happened. */
    void crash() {
        queue.clear();
        holding = false;
    }

    int heldWrites() {
        return queue.size();
    }

    List<StoredDelivery> deliveriesOf(String clientId) {
        return List.copyOf(deliveries.getOrDefault(clientId, new TreeMap<>()).values());
    }

    boolean hasSession(String clientId) {
        return sessions.containsKey(clientId);
    }

    Set<Integer> exactlyOnceOf(String clientId) {
        return exactlyOnce.getOrDefault(clientId, Set.of());
    }

    private void apply(StoreChange change) {
        switch (change) {
            case StoreChange.SessionSaved saved -> sessions.put(saved.session().clientId(), saved.session());
            case StoreChange.SessionRemoved removed -> {
                sessions.remove(removed.clientId());
                subscriptions.remove(removed.clientId());
                deliveries.remove(removed.clientId());
                exactlyOnce.remove(removed.clientId());
            }
            case StoreChange.SubscriptionSaved saved ->
                subscriptions
                        .computeIfAbsent(saved.clientId(), id -> new LinkedHashMap<>())
                        .put(saved.filter().text(), new StoredSubscription(saved.filter(), saved.options()));
            case StoreChange.SubscriptionRemoved removed ->
                subscriptions
                        .getOrDefault(removed.clientId(), new HashMap<>())
                        .remove(removed.filter().text());
            case StoreChange.DeliveryQueued queued -> {
                if (sessions.containsKey(queued.clientId())) {
                    deliveries
                            .computeIfAbsent(queued.clientId(), id -> new TreeMap<>())
                            .put(queued.delivery().seq(), queued.delivery());
                }
                lastMessageId = Math.max(lastMessageId, queued.delivery().messageId());
            }
            case StoreChange.DeliveryReleased released -> {
                TreeMap<Long, StoredDelivery> queue = deliveries.get(released.clientId());
                StoredDelivery d = queue == null ? null : queue.get(released.seq());
                if (d != null) {
                    queue.put(
                            d.seq(),
                            new StoredDelivery(
                                    d.seq(),
                                    d.messageId(),
                                    d.message(),
                                    d.qos(),
                                    d.retain(),
                                    d.subscriptionIdentifiers(),
                                    true));
                }
            }
            case StoreChange.DeliveryRemoved removed -> {
                TreeMap<Long, StoredDelivery> queue = deliveries.get(removed.clientId());
                if (queue != null) {
                    queue.remove(removed.seq());
                }
            }
            case StoreChange.ExactlyOnceHeld held ->
                exactlyOnce
                        .computeIfAbsent(held.clientId(), id -> new TreeSet<>())
                        .add(held.packetId());
            case StoreChange.ExactlyOnceReleased released ->
                exactlyOnce.getOrDefault(released.clientId(), new TreeSet<>()).remove(released.packetId());
            case StoreChange.RetainedSaved saved -> retained.put(saved.message().topic(), saved.message());
            case StoreChange.RetainedRemoved removed -> retained.remove(removed.topic());
        }
    }
}
