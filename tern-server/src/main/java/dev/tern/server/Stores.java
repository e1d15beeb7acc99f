package dev.tern.server;

import dev.tern.api.store.SessionStore;
import dev.tern.server.config.StoreConfig;
import dev.tern.store.rocksdb.RocksDbSessionStore;
import dev.tern.store.rocksdb.StoreOpenException;
import java.nio.file.Path;

/** Opens the store {@code store.durability} asks for, in the {@code store} folder of the data directory. */
final class Stores {
    private Stores() {}

    static Path directory(Path dataDir) {
        return dataDir.resolve("store");
    }

    static SessionStore open(StoreConfig config, Path dataDir) throws StartException {
        return switch (config.durability()) {
            case MEMORY -> SessionStore.NONE;
            case SYNC, BATCH -> {
                try {
                    yield RocksDbSessionStore.open(config.settings(directory(dataDir)));
                } catch (StoreOpenException e) {
                    // Never discarded or recreated: the message names the directory and how to repair or move it.
                    throw new StartException(e.getMessage(), e);
                }
            }
        };
    }

    static String describe(StoreConfig config, Path dataDir) {
        return switch (config.durability()) {
            case MEMORY -> "memory (store.durability=memory: nothing survives a restart)";
            case SYNC -> "sync, in " + directory(dataDir);
            case BATCH -> "batch (synced every " + config.batchIntervalMs() + " ms), in " + directory(dataDir);
        };
    }
}
