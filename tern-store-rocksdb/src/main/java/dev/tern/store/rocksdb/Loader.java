package dev.tern.store.rocksdb;

import dev.tern.api.message.Message;
import dev.tern.api.store.SessionRecord;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.StoredSession;
import dev.tern.api.store.StoredState;
import dev.tern.api.store.StoredSubscription;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole store once, at open: decodes every row (a row that does not decode stops the open, naming its
 * column family and key, unless repair is salvaging), joins deliveries with their messages and released markers,
 * deletes orphans (rows whose session or message is gone, messages no delivery references) and counts references.
 */
final class Loader {
    private static final Logger log = LoggerFactory.getLogger(Loader.class);

    record Loaded(StoredState state, MessageRefs refs, List<String> dropped, int orphans) {}

    private interface RowReader {
        void read(byte[] key, byte[] value) throws RocksDBException;
    }

    private final Database database;
    private final boolean salvage;
    private final WriteBatch cleanup;
    private final List<String> dropped = new ArrayList<>();
    private int orphans;

    private Loader(Database database, boolean salvage, WriteBatch cleanup) {
        this.database = database;
        this.salvage = salvage;
        this.cleanup = cleanup;
    }

    static Loaded load(Database database, boolean salvage) throws StoreOpenException {
        try (WriteBatch cleanup = new WriteBatch();
                WriteOptions sync = new WriteOptions().setSync(true)) {
            Loader loader = new Loader(database, salvage, cleanup);
            Loaded loaded = loader.read();
            if (cleanup.count() > 0) {
                database.db().write(sync, cleanup);
            }
            return loaded;
        } catch (RocksDBException e) {
            throw Database.failure(database.directory(), e);
        }
    }

    private Loaded read() throws RocksDBException, StoreOpenException {
        MessageRefs refs = new MessageRefs();
        byte[] last = database.get(ColumnFamily.META, Keys.LAST_MESSAGE_ID);
        if (last != null) {
            each(ColumnFamily.META, (key, value) -> refs.raiseLastMessageId(Values.readCounter(value)), last);
        }
        Map<String, SessionRecord> sessions = new LinkedHashMap<>();
        each(ColumnFamily.SESSIONS, (key, value) -> {
            SessionRecord session = Values.readSession(value);
            if (!Keys.parseClient(key).clientId().equals(session.clientId())) {
                throw new CorruptValueException("the row's client id differs from its key's");
            }
            sessions.put(session.clientId(), session);
        });
        Map<String, List<StoredSubscription>> subscriptions = new HashMap<>();
        each(ColumnFamily.SUBSCRIPTIONS, (key, value) -> {
            Keys.ClientKey owner = Keys.parseClient(key);
            if (orphan(ColumnFamily.SUBSCRIPTIONS, key, sessions.containsKey(owner.clientId()))) {
                return;
            }
            subscriptions
                    .computeIfAbsent(owner.clientId(), c -> new ArrayList<>())
                    .add(new StoredSubscription(owner.filter(), Values.readSubscription(value)));
        });
        Map<Long, Message> messages = new HashMap<>();
        each(ColumnFamily.MESSAGES, (key, value) -> messages.put(Keys.messageId(key), Values.readMessage(value)));
        Set<String> released = new HashSet<>();
        each(ColumnFamily.RELEASED, (key, value) -> {
            Values.readMarker(value);
            Keys.ClientKey owner = Keys.parseClient(key);
            released.add(owner.clientId() + '\u0000' + owner.seq());
        });
        Map<String, List<StoredDelivery>> deliveries = new HashMap<>();
        each(ColumnFamily.DELIVERIES, (key, value) -> {
            Keys.ClientKey owner = Keys.parseClient(key);
            Values.DeliveryRow row = Values.readDelivery(value);
            long seq = owner.seq();
            refs.raiseLastMessageId(row.messageId());
            boolean isReleased = released.remove(owner.clientId() + '\u0000' + seq);
            if (orphan(ColumnFamily.DELIVERIES, key, sessions.containsKey(owner.clientId()))) {
                deleteReleased(key, isReleased);
                return;
            }
            Message message = messages.get(row.messageId());
            if (message == null) {
                log.warn(
                        "store: dropping delivery {} of client {}: its message {} is not stored",
                        seq,
                        owner.clientId(),
                        row.messageId());
                orphan(ColumnFamily.DELIVERIES, key, false);
                deleteReleased(key, isReleased);
                return;
            }
            refs.add(row.messageId(), 1);
            deliveries
                    .computeIfAbsent(owner.clientId(), c -> new ArrayList<>())
                    .add(new StoredDelivery(
                            seq,
                            row.messageId(),
                            message,
                            row.qos(),
                            row.retain(),
                            row.subscriptionIdentifiers(),
                            isReleased));
        });
        for (String marker : released) {
            int split = marker.indexOf('\u0000');
            orphan(
                    ColumnFamily.RELEASED,
                    Keys.delivery(marker.substring(0, split), Long.parseLong(marker.substring(split + 1))),
                    false);
        }
        for (Long messageId : messages.keySet()) {
            refs.raiseLastMessageId(messageId);
            orphan(ColumnFamily.MESSAGES, Keys.message(messageId), refs.count(messageId) > 0);
        }
        Map<String, Set<Integer>> exactlyOnce = new HashMap<>();
        each(ColumnFamily.EXACTLY_ONCE, (key, value) -> {
            Values.readMarker(value);
            Keys.ClientKey owner = Keys.parseClient(key);
            if (!orphan(ColumnFamily.EXACTLY_ONCE, key, sessions.containsKey(owner.clientId()))) {
                exactlyOnce
                        .computeIfAbsent(owner.clientId(), c -> new HashSet<>())
                        .add(owner.packetId());
            }
        });
        List<Message> retained = new ArrayList<>();
        each(ColumnFamily.RETAINED, (key, value) -> retained.add(Values.readMessage(value)));
        List<StoredSession> stored = new ArrayList<>();
        sessions.forEach((clientId, session) -> stored.add(new StoredSession(
                session,
                subscriptions.getOrDefault(clientId, List.of()),
                deliveries.getOrDefault(clientId, List.of()),
                exactlyOnce.getOrDefault(clientId, Set.of()))));
        if (orphans > 0) {
            log.info("store: removed {} orphaned rows (their session or every reference to them was gone)", orphans);
        }
        return new Loaded(new StoredState(stored, retained, refs.lastMessageId()), refs, dropped, orphans);
    }

    private void deleteReleased(byte[] deliveryKey, boolean isReleased) throws RocksDBException {
        if (isReleased) {
            cleanup.delete(database.handle(ColumnFamily.RELEASED), deliveryKey);
        }
    }

    /** True (and the row deleted) when what the row hangs on is gone. */
    private boolean orphan(ColumnFamily cf, byte[] key, boolean ownerPresent) throws RocksDBException {
        if (ownerPresent) {
            return false;
        }
        cleanup.delete(database.handle(cf), key);
        orphans++;
        return true;
    }

    private void each(ColumnFamily cf, RowReader reader) throws RocksDBException, StoreOpenException {
        try (RocksIterator rows = database.iterator(cf)) {
            for (rows.seekToFirst(); rows.isValid(); rows.next()) {
                readOne(cf, rows.key(), rows.value(), reader);
            }
            rows.status();
        }
    }

    private void each(ColumnFamily cf, RowReader reader, byte[] value) throws RocksDBException, StoreOpenException {
        readOne(cf, Keys.LAST_MESSAGE_ID, value, reader);
    }

    private void readOne(ColumnFamily cf, byte[] key, byte[] value, RowReader reader)
            throws RocksDBException, StoreOpenException {
        try {
            reader.read(key, value);
        } catch (CorruptValueException
                | IllegalArgumentException
                | IndexOutOfBoundsException
                | BufferUnderflowException e) {
            String what = "the record in column family '" + cf.cfName() + "' with key '" + Keys.describe(key)
                    + "' does not decode (" + e.getMessage() + ")";
            if (!salvage) {
                throw OpenFailures.damaged(database.directory(), what, e);
            }
            dropped.add(what);
            cleanup.delete(database.handle(cf), key);
        }
    }
}
