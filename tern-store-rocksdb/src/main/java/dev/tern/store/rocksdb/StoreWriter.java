package dev.tern.store.rocksdb;

import dev.tern.api.store.WriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store thread ({@code tern-store}): takes everything queued at once, writes it as one batch with one sync (group
 * commit: callers that queued while the previous sync ran share the next), then completes the callbacks in queue
 * order. In batch mode it syncs the log every interval instead. After a disk-full failure it answers
 * {@link WriteResult#NO_SPACE} and tries every second to get going again. Nothing it meets ends it but close.
 */
final class StoreWriter implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
    private static final long RECOVERY_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** RocksDB needs room for a new log, manifest and options file before a reopen is worth trying. */
    private static final long MIN_FREE_BYTES = 1024 * 1024;

    private final BlockingQueue<Pending> queue;
    private final StoreSettings settings;
    private final WriteCall writeCall;
    private final StoreHealth health = new StoreHealth();
    private final WriteOptions syncWrite = new WriteOptions().setSync(true);
    private final WriteOptions plainWrite = new WriteOptions();
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    /** Null only while a reopen after a full disk has failed. */
    private volatile Database database;

    private MessageRefs refs;
    private boolean unsynced;
    private long nextSyncNanos;
    private long nextRecoveryNanos;

    StoreWriter(
            BlockingQueue<Pending> queue,
            StoreSettings settings,
            WriteCall writeCall,
            Database database,
            MessageRefs refs) {
        this.queue = queue;
        this.settings = settings;
        this.writeCall = writeCall;
        this.database = database;
        this.refs = refs;
    }

    @Override
    public void run() {
        while (true) {
            try {
                Pending first = queue.poll(waitNanos(), TimeUnit.NANOSECONDS);
                if (first != null) {
                    List<Pending> drained = new ArrayList<>();
                    drained.add(first);
                    queue.drainTo(drained);
                    boolean closing = drained.getLast() == Pending.CLOSE;
                    if (closing) {
                        drained.removeLast();
                    }
                    if (!drained.isEmpty()) {
                        write(drained);
                    }
                    if (closing) {
                        finish();
                        return;
                    }
                }
                periodic();
            } catch (InterruptedException e) {
                // Nobody interrupts this thread on purpose; close() is how it ends.
            } catch (RuntimeException | Error e) {
                log.error("store: unexpected failure on the store thread; it carries on", e);
            }
        }
    }

    private void write(List<Pending> drained) {
        Database db = database;
        if (!health.accepting() || db == null) {
            complete(drained, WriteResult.NO_SPACE);
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            BatchBuilder builder = new BatchBuilder(db, refs, batch);
            for (Pending pending : drained) {
                builder.add(pending.changes());
            }
            builder.finish();
            boolean sync = settings.durability() == Durability.SYNC;
            writeCall.write(db.db(), sync ? syncWrite : plainWrite, batch);
            builder.commit();
            batches.incrementAndGet();
            writes.addAndGet(drained.size());
            if (sync) {
                syncs.incrementAndGet();
            } else if (!unsynced) {
                unsynced = true;
                nextSyncNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.batchIntervalMillis());
            }
            complete(drained, WriteResult.WRITTEN);
        } catch (RocksDBException e) {
            if (isNoSpace(e)) {
                diskFull(e);
                complete(drained, WriteResult.NO_SPACE);
            } else {
                log.error("store: a write of {} changes failed; the callers are told it failed", drained.size(), e);
                complete(drained, WriteResult.FAILED);
            }
        } catch (RuntimeException e) {
            log.error("store: a write of {} changes failed; the callers are told it failed", drained.size(), e);
            complete(drained, WriteResult.FAILED);
        }
    }

    private static void complete(List<Pending> drained, WriteResult result) {
        for (Pending pending : drained) {
            Consumer<WriteResult> onWritten = pending.onWritten();
            if (onWritten != null) {
                try {
                    onWritten.accept(result);
                } catch (RuntimeException e) {
                    log.error("store: a write callback threw; the store carries on", e);
                }
            }
        }
    }

    static boolean isNoSpace(RocksDBException e) {
        Status status = e.getStatus();
        return status != null && status.getSubCode() == Status.SubCode.NoSpace
                || String.valueOf(e.getMessage()).contains("No space left on device");
    }

    private void diskFull(RocksDBException e) {
        if (health.accepting()) {
            log.error(
                    "store: the disk holding {} is full ({}); QoS 1/2 publications are refused until space is"
                            + " freed; retrying every second",
                    settings.directory(),
                    e.getMessage());
        }
        health.set(false);
        nextRecoveryNanos = System.nanoTime() + RECOVERY_INTERVAL_NANOS;
    }

    private void periodic() {
        long now = System.nanoTime();
        if (unsynced && now - nextSyncNanos >= 0) {
            syncLog();
        }
        if (!health.accepting() && now - nextRecoveryNanos >= 0) {
            nextRecoveryNanos = now + RECOVERY_INTERVAL_NANOS;
            recover();
        }
    }

    private long waitNanos() {
        long now = System.nanoTime();
        long wait = IDLE_WAIT_NANOS;
        if (unsynced) {
            wait = Math.min(wait, nextSyncNanos - now);
        }
        if (!health.accepting()) {
            wait = Math.min(wait, nextRecoveryNanos - now);
        }
        return Math.max(0, wait);
    }

    /** Batch mode: what was written since the last sync goes to disk now. */
    private void syncLog() {
        Database db = database;
        unsynced = false;
        if (db == null) {
            return;
        }
        try {
            db.db().flushWal(true);
            syncs.incrementAndGet();
        } catch (RocksDBException e) {
            if (isNoSpace(e)) {
                diskFull(e);
            } else {
                log.error("store: syncing the write-ahead log failed", e);
            }
        }
    }

    /**
     * After a failed log write RocksDB takes no more writes on that log until it is reopened (rocksdbjni has no
     * {@code Resume()}), so recovery reopens the store once there is room, recounts references from the rows (the
     * failed write may have reached the log after all), and trusts it again when a probe write succeeds.
     */
    private void recover() {
        if (freeBytes() < MIN_FREE_BYTES) {
            return;
        }
        Database old = database;
        database = null;
        if (old != null) {
            old.close();
        }
        Database reopened;
        try {
            reopened = Database.open(settings);
        } catch (StoreOpenException e) {
            log.debug("store: reopen after a full disk failed; retrying", e);
            return;
        }
        try (WriteBatch probe = new WriteBatch()) {
            refs = MessageRefs.scan(reopened);
            probe.put(reopened.handle(ColumnFamily.META), Keys.LAST_MESSAGE_ID, Values.counter(refs.lastMessageId()));
            writeCall.write(reopened.db(), syncWrite, probe);
            database = reopened;
            health.set(true);
            log.info("store: writes to {} work again", settings.directory());
        } catch (RocksDBException e) {
            database = reopened;
            log.debug("store: probe write after a full disk failed; retrying", e);
        }
    }

    private long freeBytes() {
        try {
            return Files.getFileStore(settings.directory()).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Close: the queue is written; memtables go to table files so the log is empty and a repair loses nothing. */
    private void finish() {
        Database db = database;
        database = null;
        if (db != null) {
            try {
                if (unsynced) {
                    db.db().flushWal(true);
                    syncs.incrementAndGet();
                }
                if (health.accepting()) {
                    db.flushAll();
                }
            } catch (RocksDBException e) {
                log.error("store: flushing at close failed; the write-ahead log still holds everything", e);
            }
            db.close();
        }
        syncWrite.close();
        plainWrite.close();
    }

    StoreHealth health() {
        return health;
    }

    Database database() {
        return database;
    }

    long syncs() {
        return syncs.get();
    }

    long batches() {
        return batches.get();
    }

    long writes() {
        return writes.get();
    }
}
