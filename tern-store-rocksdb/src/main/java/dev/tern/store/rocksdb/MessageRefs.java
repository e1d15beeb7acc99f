package dev.tern.store.rocksdb;

import java.util.HashMap;
import java.util.Map;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * How many stored deliveries reference each stored message, so the message row goes with the last of them, and the
 * highest message id ever stored. Kept in memory (rebuilt from the delivery rows at load and after a reopen); touched
 * only by the store thread.
 */
final class MessageRefs {
    private final Map<Long, Integer> counts = new HashMap<>();
    private long lastMessageId;

    int count(long messageId) {
        return counts.getOrDefault(messageId, 0);
    }

    void add(long messageId, int delta) {
        counts.merge(messageId, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    long lastMessageId() {
        return lastMessageId;
    }

    void raiseLastMessageId(long messageId) {
        lastMessageId = Math.max(lastMessageId, messageId);
    }

    /** Distinct messages referenced. */
    int size() {
        return counts.size();
    }

    /** Counts rebuilt from the rows themselves, after a reopen in which a failed write may have survived after all. */
    static MessageRefs scan(Database database) throws RocksDBException {
        MessageRefs refs = new MessageRefs();
        byte[] last = database.get(ColumnFamily.META, Keys.LAST_MESSAGE_ID);
        if (last != null) {
            refs.raiseLastMessageId(Values.readCounter(last));
        }
        try (RocksIterator rows = database.iterator(ColumnFamily.DELIVERIES)) {
            for (rows.seekToFirst(); rows.isValid(); rows.next()) {
                try {
                    long messageId = Values.readDelivery(rows.value()).messageId();
                    refs.add(messageId, 1);
                    refs.raiseLastMessageId(messageId);
                } catch (CorruptValueException e) {
                    // Reported by the next load; a count too low here only means a message row goes early.
                }
            }
            rows.status();
        }
        return refs;
    }
}
