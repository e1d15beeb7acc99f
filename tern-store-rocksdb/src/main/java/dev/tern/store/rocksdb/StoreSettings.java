package dev.tern.store.rocksdb;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the store is opened. Every native allocation RocksDB makes is bounded by these numbers (the budget is worked out
 * in docs/design/0003-durable-store.md).
 *
 * @param directory where the store lives; created when missing
 * @param durability when a write counts as done
 * @param batchIntervalMillis in {@link Durability#BATCH} mode, how often the write-ahead log is fsynced: the most a
 *     machine crash can lose
 * @param blockCacheBytes the one LRU cache shared by every column family, which the memtables are charged to as well
 * @param writeBufferBytes the most all memtables together may hold before RocksDB flushes them (part of the cache)
 * @param maxOpenFiles table files kept open at once
 */
public record StoreSettings(
        Path directory,
        Durability durability,
        long batchIntervalMillis,
        long blockCacheBytes,
        long writeBufferBytes,
        int maxOpenFiles) {

    static final long MIB = 1024 * 1024;

    /**
     * SYNC, because an acknowledged QoS 1/2 message must survive a power loss unless the operator chose otherwise; 100
     * ms, short enough that batch mode loses little and long enough that fsyncs cost nothing measurable; 32 MiB of
     * cache with 16 MiB of it for memtables, enough to keep the working set of a broker with many thousands of
     * offline sessions in memory while staying small beside the JVM heap; 256 open files, far above what a store of a
     * few GiB needs and far below a default descriptor limit of 1024.
     */
    public static StoreSettings defaults(Path directory) {
        return new StoreSettings(directory, Durability.SYNC, 100, 32 * MIB, 16 * MIB, 256);
    }

    public StoreSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(durability, "durability");
        if (batchIntervalMillis < 1 || batchIntervalMillis > 60_000) {
            throw new IllegalArgumentException(
                    "the batch interval must be between 1 ms and 60000 ms, was " + batchIntervalMillis);
        }
        if (blockCacheBytes < MIB) {
            throw new IllegalArgumentException("the block cache must be at least 1 MiB, was " + blockCacheBytes);
        }
        if (writeBufferBytes < MIB) {
            throw new IllegalArgumentException("the write buffers must be at least 1 MiB, was " + writeBufferBytes);
        }
        // The memtables are charged to the cache: a budget larger than the cache would overfill it.
        if (writeBufferBytes > blockCacheBytes) {
            throw new IllegalArgumentException("the write buffers (" + writeBufferBytes
                    + " bytes) must fit in the block cache (" + blockCacheBytes + " bytes) they are charged to");
        }
        if (maxOpenFiles < 16) {
            throw new IllegalArgumentException("at least 16 open files are needed, was " + maxOpenFiles);
        }
    }

    public StoreSettings withDurability(Durability newDurability) {
        return new StoreSettings(
                directory, newDurability, batchIntervalMillis, blockCacheBytes, writeBufferBytes, maxOpenFiles);
    }

    public StoreSettings withBatchIntervalMillis(long millis) {
        return new StoreSettings(directory, durability, millis, blockCacheBytes, writeBufferBytes, maxOpenFiles);
    }

    public StoreSettings withMemory(long cacheBytes, long bufferBytes) {
        return new StoreSettings(directory, durability, batchIntervalMillis, cacheBytes, bufferBytes, maxOpenFiles);
    }
}
