package dev.tern.store.rocksdb;

import dev.tern.api.store.SessionStore;
import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredState;
import dev.tern.api.store.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link SessionStore}: RocksDB in one directory, format and behaviour in
 * docs/design/0003-durable-store.md. {@link #open} reads and checks everything stored before it returns, so a damaged
 * store fails at start with a {@link StoreOpenException} rather than later; {@link #write} only queues, and the
 * {@code tern-store} thread does the writing.
 */
public final class RocksDbSessionStore implements SessionStore {
    private static final Logger log = LoggerFactory.getLogger(RocksDbSessionStore.class);

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Held while queueing, so nothing is queued behind {@link Pending#CLOSE}. */
    private final Object queueLock = new Object();

    private final StoreWriter writer;
    private final Thread thread;
    private boolean closed;
    private StoredState loaded;

    private RocksDbSessionStore(StoreSettings settings, Database database, Loader.Loaded loaded, WriteCall writeCall) {
        this.loaded = loaded.state();
        this.writer = new StoreWriter(queue, settings, writeCall, database, loaded.refs());
        this.thread = new Thread(writer, "tern-store");
        // Not holding the JVM open: whoever opened the store closes it, and close() waits for the thread.
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens the store in {@code settings.directory()}, creating it when the directory is missing or empty, and reads
     * everything in it. Never discards or recreates a store it cannot read: it says why and what to do instead.
     */
    public static RocksDbSessionStore open(StoreSettings settings) throws StoreOpenException {
        return open(settings, WriteCall.ROCKSDB);
    }

    static RocksDbSessionStore open(StoreSettings settings, WriteCall writeCall) throws StoreOpenException {
        Database database = Database.open(settings);
        Loader.Loaded loaded;
        try {
            loaded = Loader.load(database, false);
        } catch (StoreOpenException | RuntimeException e) {
            database.close();
            throw e;
        }
        return new RocksDbSessionStore(settings, database, loaded, writeCall);
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    /** What {@link #open} read; handed over once, then let go, since it may be large. */
    @Override
    public synchronized StoredState load() {
        StoredState state = loaded;
        if (state == null) {
            throw new IllegalStateException("the store is read once, at start: load() was called before");
        }
        loaded = null;
        return state;
    }

    @Override
    public void write(List<StoreChange> changes, Consumer<WriteResult> onWritten) {
        enqueue(new Pending(List.copyOf(changes), Objects.requireNonNull(onWritten, "onWritten")));
    }

    @Override
    public void write(List<StoreChange> changes) {
        enqueue(new Pending(List.copyOf(changes), null));
    }

    private void enqueue(Pending pending) {
        synchronized (queueLock) {
            if (!closed) {
                queue.add(pending);
                return;
            }
        }
        log.warn("store: a write after close was not written");
        if (pending.onWritten() != null) {
            pending.onWritten().accept(WriteResult.FAILED);
        }
    }

    @Override
    public boolean acceptsWrites() {
        return writer.health().accepting();
    }

    @Override
    public void close() {
        synchronized (queueLock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(Pending.CLOSE);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // For tests: group commit and reference counting are observable without reading RocksDB's files.

    long syncCount() {
        return writer.syncs();
    }

    long batchCount() {
        return writer.batches();
    }

    long writeCount() {
        return writer.writes();
    }

    boolean awaitAcceptsWrites(boolean wanted, Duration timeout) throws InterruptedException {
        return writer.health().await(wanted, timeout);
    }

    /** Rows in the messages column family; call when no write is in progress. */
    long messageRowCount() {
        Database database = writer.database();
        long rows = 0;
        try (RocksIterator it = database.iterator(ColumnFamily.MESSAGES)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                rows++;
            }
        }
        return rows;
    }
}
