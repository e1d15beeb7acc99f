package dev.tern.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tern.store.rocksdb.StoreSettings;
import java.nio.file.Path;

/**
 * How the broker keeps sessions and retained messages across restarts (keys {@code store.*}). The store lives in the
 * {@code store} folder of {@code data.dir}.
 *
 * @param durability {@code sync} (default): a QoS 1/2 message is acknowledged once it is on disk, many messages
 *     sharing one sync; {@code batch}: synced every {@code batchIntervalMs}, so a machine crash or power loss can lose
 *     what was acknowledged in that window (a crash of the broker process alone loses nothing); {@code memory}: nothing
 *     is stored, a restart starts empty
 * @param batchIntervalMs milliseconds between two syncs in {@code batch} mode
 * @param blockCacheMb RocksDB's read cache, which also accounts for its write buffers
 * @param writeBufferMb RocksDB's write buffer (memtable) size; two of them at most per column family, within the cache
 */
public record StoreConfig(Durability durability, long batchIntervalMs, long blockCacheMb, long writeBufferMb) {
    private static final long MIB = 1024 * 1024;

    public StoreConfig {
        Checks.present("store.durability", durability);
        Checks.range("store.batch_interval_ms", batchIntervalMs, 1, 60_000);
        Checks.range("store.block_cache_mb", blockCacheMb, 4, 1024 * 1024);
        Checks.range("store.write_buffer_mb", writeBufferMb, 1, 1024 * 1024);
        if (writeBufferMb > blockCacheMb) {
            throw ConfigException.of("store.write_buffer_mb (" + writeBufferMb
                    + ") must not exceed store.block_cache_mb ("
                    + blockCacheMb + "): the write buffers are counted within the cache. Raise store.block_cache_mb or"
                    + " lower store.write_buffer_mb.");
        }
    }

    static StoreConfig defaults() {
        StoreSettings store = StoreSettings.defaults(Path.of("."));
        return new StoreConfig(
                Durability.SYNC,
                store.batchIntervalMillis(),
                store.blockCacheBytes() / MIB,
                store.writeBufferBytes() / MIB);
    }

    /** The store's settings for a store in {@code directory}; {@code memory} has none. */
    public StoreSettings settings(Path directory) {
        StoreSettings defaults = StoreSettings.defaults(directory);
        return new StoreSettings(
                directory,
                durability == Durability.BATCH
                        ? dev.tern.store.rocksdb.Durability.BATCH
                        : dev.tern.store.rocksdb.Durability.SYNC,
                batchIntervalMs,
                blockCacheMb * MIB,
                writeBufferMb * MIB,
                defaults.maxOpenFiles());
    }

    /** The values of {@code store.durability}. */
    public enum Durability {
        @JsonProperty("sync")
        SYNC,
        @JsonProperty("batch")
        BATCH,
        @JsonProperty("memory")
        MEMORY
    }
}
