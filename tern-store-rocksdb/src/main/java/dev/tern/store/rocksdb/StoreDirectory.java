package dev.tern.store.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What is in the store's directory before RocksDB touches it, so that nothing else is ever written into. */
final class StoreDirectory {
    enum State {
        /** Missing or empty: a new store is created. */
        NEW,
        /** Has RocksDB's CURRENT file: opened, then checked for Tern's format. */
        EXISTING,
        /** Has RocksDB's files but no CURRENT: a damaged store. */
        DAMAGED,
        /** Has other things: never touched. */
        FOREIGN
    }

    private StoreDirectory() {}

    static State inspect(Path directory) throws StoreOpenException {
        if (!Files.exists(directory)) {
            return State.NEW;
        }
        if (!Files.isDirectory(directory)) {
            throw OpenFailures.notTernStore(directory, "it is a file, not a directory");
        }
        List<String> names;
        try (Stream<Path> entries = Files.list(directory)) {
            names = entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw OpenFailures.unusable(directory, "its contents cannot be listed (" + e + ")", e);
        }
        if (names.isEmpty()) {
            return State.NEW;
        }
        if (names.contains("CURRENT")) {
            return State.EXISTING;
        }
        if (names.stream().anyMatch(StoreDirectory::isRocksDbFile)) {
            return State.DAMAGED;
        }
        throw OpenFailures.notTernStore(
                directory,
                "it holds " + names.size() + " entries that are not a store's ("
                        + String.join(", ", names.subList(0, Math.min(5, names.size())))
                        + (names.size() > 5 ? ", ..." : "") + ")");
    }

    private static boolean isRocksDbFile(String name) {
        return name.startsWith("MANIFEST-")
                || name.startsWith("OPTIONS-")
                || name.equals("IDENTITY")
                || name.endsWith(".sst")
                || name.endsWith(".log");
    }
}
