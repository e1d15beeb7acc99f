package dev.tern.server;

import dev.tern.server.config.ConfigException;
import dev.tern.server.config.ConfigLoader;
import dev.tern.server.config.TernConfig;
import dev.tern.store.rocksdb.StoreOpenException;
import dev.tern.store.rocksdb.StoreRepair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code tern store repair}: salvages a store that will not open, while the broker is stopped. */
public final class StoreMaintenance {
    /** Repaired: the broker can start on it. */
    public static final int REPAIRED = 0;
    /** Could not be repaired; the message says what is left to do. */
    public static final int NOT_REPAIRED = 1;
    /** The configuration is wrong: nothing was touched. */
    public static final int BAD_CONFIGURATION = 2;

    private StoreMaintenance() {}

    /**
     * Repairs the store in {@code storeDir} when given, else the one under the configured {@code data.dir}. Reports on
     * {@code out}; errors go to {@code err} as one paragraph that says what to do.
     */
    public static int repair(
            Optional<Path> storeDir,
            Optional<Path> configFile,
            List<String> setArguments,
            PrintWriter out,
            PrintWriter err) {
        Path directory;
        try {
            directory = storeDir.orElseGet(() -> {
                TernConfig config = ConfigLoader.load(configFile, setArguments);
                return Stores.directory(Path.of(config.data().dir()));
            });
        } catch (ConfigException e) {
            err.println("tern store repair: " + e.getMessage());
            err.flush();
            return BAD_CONFIGURATION;
        }
        try {
            out.println(StoreRepair.repair(directory.toAbsolutePath()));
            out.flush();
            return REPAIRED;
        } catch (StoreOpenException e) {
            err.println("tern store repair: " + e.getMessage());
            err.flush();
            return NOT_REPAIRED;
        }
    }
}
