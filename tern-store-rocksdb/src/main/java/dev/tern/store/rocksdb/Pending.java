package dev.tern.store.rocksdb;

import dev.tern.api.store.StoreChange;
import dev.tern.api.store.WriteResult;
import java.util.List;
import java.util.function.Consumer;

/** One {@code write} call waiting for the store thread; {@code onWritten} is null when nobody waits for it. */
final class Pending {
    /** Queued last by {@code close()}: everything before it is written, then the store closes. */
    static final Pending CLOSE = new Pending(List.of(), null);

    private final List<StoreChange> changes;
    private final Consumer<WriteResult> onWritten;

    Pending(List<StoreChange> changes, Consumer<WriteResult> onWritten) {
        this.changes = changes;
        this.onWritten = onWritten;
    }

    List<StoreChange> changes() {
        return changes;
    }

    Consumer<WriteResult> onWritten() {
        return onWritten;
    }
}
