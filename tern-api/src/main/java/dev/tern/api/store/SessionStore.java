package dev.tern.api.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the core keeps what must survive a restart: persistent sessions, their subscriptions, queued and inflight
 * deliveries, inbound QoS 2 state, wills and retained messages. A journal: the core appends {@link StoreChange}s in the
 * order they happen and reads everything back once, at start.
 *
 * <p>Thread-safe. {@link #write} never blocks on the disk: changes are queued in call order (a change appended after
 * another, by any thread, is applied after it) and written by the store's own thread, which groups whatever is queued
 * into one write and one sync.
 */
public interface SessionStore extends AutoCloseable {

    /** The store of {@code store.durability: memory}: nothing is written, every write completes at once. */
    SessionStore NONE = new SessionStore() {
        @Override
        public boolean isDurable() {
            return false;
        }

        @Override
        public StoredState load() {
            return StoredState.EMPTY;
        }

        @Override
        public void write(List<StoreChange> changes, Consumer<WriteResult> onWritten) {
            onWritten.accept(WriteResult.WRITTEN);
        }

        @Override
        public void write(List<StoreChange> changes) {}

        @Override
        public boolean acceptsWrites() {
            return true;
        }

        @Override
        public void close() {}
    };

    /** False for {@link #NONE}: the core then skips building changes altogether. */
    boolean isDurable();

    /**
     * Everything stored, read once before the broker accepts connections. Deliveries and subscriptions whose session is
     * not stored are dropped (a session may end while a delivery to it is being written).
     */
    StoredState load();

    /**
     * Appends {@code changes} as one unit: all or none of them survive a crash. {@code onWritten} runs once they are as
     * durable as the store's mode promises ({@code sync}: on disk; {@code batch}: written, synced within the interval),
     * on the store's thread: it must only hand work over, never block.
     */
    void write(List<StoreChange> changes, Consumer<WriteResult> onWritten);

    /** Appends {@code changes} without waiting for them: for changes nothing is acknowledged on (a delivery's removal). */
    void write(List<StoreChange> changes);

    /**
     * False while writes fail for lack of disk space: the core refuses new QoS 1/2 publications (quota exceeded)
     * instead of acknowledging what it cannot keep. True again once a write succeeds.
     */
    boolean acceptsWrites();

    /** Writes what is queued, syncs, and closes. */
    @Override
    void close();
}
