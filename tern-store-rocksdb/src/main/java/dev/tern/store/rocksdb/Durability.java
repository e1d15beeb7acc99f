package dev.tern.store.rocksdb;

/** How durable a write is when its callback runs. Running without a store ({@code memory}) is the server's choice. */
public enum Durability {
    /** On disk: every write is fsynced before it completes, one fsync shared by everything queued meanwhile. */
    SYNC,
    /**
     * Written to the operating system at once and fsynced every {@link StoreSettings#batchIntervalMillis()}: a crash
     * of the broker process loses nothing, a crash of the machine loses at most the last interval.
     */
    BATCH
}
