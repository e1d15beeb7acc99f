package dev.tern.store.rocksdb;

import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Turns the changes of one drain into one {@link WriteBatch}. Reference counts change only in a local overlay until
 * the batch is written ({@link #commit}), so a failed write leaves the counts as the disk has them. The overlay also
 * remembers deliveries queued or removed earlier in the same drain, which the database cannot see yet.
 */
final class BatchBuilder {
    private record DeliveryKey(String clientId, long seq) {}

    private final Database database;
    private final MessageRefs refs;
    private final WriteBatch batch;
    private final Map<Long, Integer> countDelta = new HashMap<>();
    private final Map<DeliveryKey, Long> queued = new HashMap<>();
    private final Set<DeliveryKey> removed = new HashSet<>();
    private long lastMessageId;

    BatchBuilder(Database database, MessageRefs refs, WriteBatch batch) {
        this.database = database;
        this.refs = refs;
        this.batch = batch;
        this.lastMessageId = refs.lastMessageId();
    }

    void add(List<StoreChange> changes) throws RocksDBException {
        for (StoreChange change : changes) {
            add(change);
        }
    }

    private void add(StoreChange change) throws RocksDBException {
        switch (change) {
            case StoreChange.SessionSaved saved ->
                put(ColumnFamily.SESSIONS, Keys.client(saved.session().clientId()), Values.session(saved.session()));
            case StoreChange.SessionRemoved gone -> removeSession(gone.clientId());
            case StoreChange.SubscriptionSaved saved ->
                put(
                        ColumnFamily.SUBSCRIPTIONS,
                        Keys.subscription(saved.clientId(), saved.filter()),
                        Values.subscription(saved.options()));
            case StoreChange.SubscriptionRemoved gone ->
                delete(ColumnFamily.SUBSCRIPTIONS, Keys.subscription(gone.clientId(), gone.filter()));
            case StoreChange.DeliveryQueued queue -> queue(queue.clientId(), queue.delivery());
            case StoreChange.DeliveryReleased released ->
                put(ColumnFamily.RELEASED, Keys.delivery(released.clientId(), released.seq()), Values.marker());
            case StoreChange.DeliveryRemoved gone -> removeDelivery(new DeliveryKey(gone.clientId(), gone.seq()));
            case StoreChange.ExactlyOnceHeld held ->
                put(ColumnFamily.EXACTLY_ONCE, Keys.exactlyOnce(held.clientId(), held.packetId()), Values.marker());
            case StoreChange.ExactlyOnceReleased released ->
                delete(ColumnFamily.EXACTLY_ONCE, Keys.exactlyOnce(released.clientId(), released.packetId()));
            case StoreChange.RetainedSaved saved ->
                put(
                        ColumnFamily.RETAINED,
                        Keys.retained(saved.message().topic().value()),
                        Values.message(saved.message()));
            case StoreChange.RetainedRemoved gone ->
                delete(ColumnFamily.RETAINED, Keys.retained(gone.topic().value()));
        }
    }

    private void queue(String clientId, StoredDelivery delivery) throws RocksDBException {
        DeliveryKey key = new DeliveryKey(clientId, delivery.seq());
        Long replaced = queued.remove(key);
        if (replaced != null) {
            release(replaced);
        }
        removed.remove(key);
        long messageId = delivery.messageId();
        put(
                ColumnFamily.DELIVERIES,
                Keys.delivery(clientId, delivery.seq()),
                Values.delivery(new Values.DeliveryRow(
                        messageId, delivery.qos(), delivery.retain(), delivery.subscriptionIdentifiers())));
        if (delivery.released()) {
            put(ColumnFamily.RELEASED, Keys.delivery(clientId, delivery.seq()), Values.marker());
        }
        if (count(messageId) == 0) {
            put(ColumnFamily.MESSAGES, Keys.message(messageId), Values.message(delivery.message()));
        }
        countDelta.merge(messageId, 1, Integer::sum);
        queued.put(key, messageId);
        lastMessageId = Math.max(lastMessageId, messageId);
    }

    private void removeDelivery(DeliveryKey key) throws RocksDBException {
        Long messageId = queued.remove(key);
        if (messageId == null && !removed.contains(key)) {
            byte[] row = database.get(ColumnFamily.DELIVERIES, Keys.delivery(key.clientId(), key.seq()));
            messageId = row == null ? null : messageIdOf(row);
        }
        if (messageId != null) {
            release(messageId);
        }
        removed.add(key);
        delete(ColumnFamily.DELIVERIES, Keys.delivery(key.clientId(), key.seq()));
        delete(ColumnFamily.RELEASED, Keys.delivery(key.clientId(), key.seq()));
    }

    /** Everything under the session goes: one range per column family, and one reference per delivery row. */
    private void removeSession(String clientId) throws RocksDBException {
        byte[] prefix = Keys.client(clientId);
        try (RocksIterator rows = database.iterator(ColumnFamily.DELIVERIES)) {
            for (rows.seek(prefix); rows.isValid() && startsWith(rows.key(), prefix); rows.next()) {
                DeliveryKey key =
                        new DeliveryKey(clientId, Keys.parseClient(rows.key()).seq());
                if (!removed.contains(key) && !queued.containsKey(key)) {
                    Long messageId = messageIdOf(rows.value());
                    if (messageId != null) {
                        release(messageId);
                    }
                    removed.add(key);
                }
            }
            rows.status();
        }
        for (Iterator<Map.Entry<DeliveryKey, Long>> it = queued.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<DeliveryKey, Long> entry = it.next();
            if (entry.getKey().clientId().equals(clientId)) {
                release(entry.getValue());
                removed.add(entry.getKey());
                it.remove();
            }
        }
        byte[] end = Keys.rangeEnd(prefix);
        for (ColumnFamily cf : List.of(
                ColumnFamily.SUBSCRIPTIONS,
                ColumnFamily.DELIVERIES,
                ColumnFamily.RELEASED,
                ColumnFamily.EXACTLY_ONCE)) {
            batch.deleteRange(database.handle(cf), prefix, end);
        }
        delete(ColumnFamily.SESSIONS, prefix);
    }

    private void release(long messageId) throws RocksDBException {
        int current = count(messageId);
        if (current > 0) {
            countDelta.merge(messageId, -1, Integer::sum);
        }
        if (current <= 1) {
            delete(ColumnFamily.MESSAGES, Keys.message(messageId));
        }
    }

    private int count(long messageId) {
        return refs.count(messageId) + countDelta.getOrDefault(messageId, 0);
    }

    /** A delivery row that does not decode still goes; only its message's count cannot be corrected (load will). */
    private static Long messageIdOf(byte[] row) {
        try {
            return Values.readDelivery(row).messageId();
        } catch (CorruptValueException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private void put(ColumnFamily cf, byte[] key, byte[] value) throws RocksDBException {
        batch.put(database.handle(cf), key, value);
    }

    private void delete(ColumnFamily cf, byte[] key) throws RocksDBException {
        batch.delete(database.handle(cf), key);
    }

    /** Adds the message-id counter to the batch when it moved; call once, after every change. */
    void finish() throws RocksDBException {
        if (lastMessageId > refs.lastMessageId()) {
            put(ColumnFamily.META, Keys.LAST_MESSAGE_ID, Values.counter(lastMessageId));
        }
    }

    /** The batch is on disk: the overlay becomes the truth. */
    void commit() {
        countDelta.forEach(refs::add);
        refs.raiseLastMessageId(lastMessageId);
    }
}
