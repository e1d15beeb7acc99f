package dev.tern.store.rocksdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code tern store repair}: salvages what can be read from a damaged store, in the gentlest step that works. A
 * missing CURRENT file is written anew, naming the newest manifest; if the store still does not open, RocksDB's own
 * repair rebuilds the manifest from the table files it finds. Then the store is read as at start, and records that
 * still do not decode are deleted and listed. What a repair drops is gone for good, which is why the broker never runs
 * it by itself.
 */
public final class StoreRepair {
    private StoreRepair() {}

    /** Repairs the store in {@code directory} and says what it holds afterwards and what was dropped. */
    public static String repair(Path directory) throws StoreOpenException {
        Path dir = directory.toAbsolutePath();
        if (StoreDirectory.inspect(dir) == StoreDirectory.State.NEW) {
            throw new StoreOpenException("There is no store to repair in " + dir + ": it is missing or empty.");
        }
        List<String> steps = new ArrayList<>();
        restoreCurrent(dir).ifPresent(steps::add);
        try {
            return salvage(dir, steps);
        } catch (StoreOpenException first) {
            if (!NativeRepair.available()) {
                throw new StoreOpenException("The store in " + dir + " still cannot be opened (" + first.getMessage()
                        + ") and RocksDB's repair needs a JDK 22 or newer to run on. Run the repair with one, or move"
                        + " the directory aside (`mv " + dir + " " + dir + ".broken`) to start with an empty store.");
            }
        }
        try {
            Optional<String> error = NativeRepair.run(dir);
            if (error.isPresent()) {
                throw new StoreOpenException("RocksDB could not repair the store in " + dir + " (" + error.get()
                        + "). Move the directory aside (`mv " + dir + " " + dir + ".broken`) to start with an empty"
                        + " store.");
            }
        } catch (ReflectiveOperationException e) {
            throw new StoreOpenException("RocksDB's repair could not be called (" + e + ").", e);
        }
        steps.add("RocksDB's repair rebuilt the file list from the table files");
        try {
            return salvage(dir, steps);
        } catch (StoreOpenException e) {
            throw new StoreOpenException(
                    "The store in " + dir + " cannot be opened even after RocksDB's repair: "
                            + e.getMessage() + " Move the directory aside (`mv " + dir + " " + dir
                            + ".broken`) to start"
                            + " with an empty store.",
                    e);
        }
    }

    private static String salvage(Path dir, List<String> steps) throws StoreOpenException {
        try (Database database = Database.open(StoreSettings.defaults(dir))) {
            Loader.Loaded loaded = Loader.load(database, true);
            String nl = System.lineSeparator();
            StringBuilder summary =
                    new StringBuilder("Repaired the store in ").append(dir).append('.');
            steps.forEach(step -> summary.append(nl).append("  ").append(step));
            summary.append(nl)
                    .append("  readable: ")
                    .append(loaded.state().sessions().size())
                    .append(" sessions, ")
                    .append(loaded.state().sessions().stream()
                            .mapToInt(s -> s.deliveries().size())
                            .sum())
                    .append(" queued deliveries, ")
                    .append(loaded.state().retained().size())
                    .append(" retained messages; ")
                    .append(loaded.orphans())
                    .append(" orphaned rows removed; ")
                    .append(loaded.dropped().size())
                    .append(" damaged records dropped");
            loaded.dropped()
                    .forEach(what -> summary.append(nl).append("  dropped ").append(what));
            return summary.toString();
        }
    }

    /** CURRENT only names the live manifest: when it is lost, the newest manifest is the best guess. */
    private static Optional<String> restoreCurrent(Path dir) throws StoreOpenException {
        if (Files.exists(dir.resolve("CURRENT"))) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Optional<String> newest = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("MANIFEST-\\d+"))
                    .max(Comparator.comparingLong(name -> Long.parseLong(name.substring("MANIFEST-".length()))));
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            Files.writeString(dir.resolve("CURRENT"), newest.get() + "\n", StandardCharsets.US_ASCII);
            return Optional.of("wrote the missing CURRENT file, naming " + newest.get());
        } catch (IOException e) {
            throw new StoreOpenException("Cannot repair " + dir + ": " + e, e);
        }
    }
}
