package dev.tern.store.rocksdb;

import static dev.tern.store.rocksdb.Fixtures.queued;
import static dev.tern.store.rocksdb.Fixtures.richMessage;

import dev.tern.api.message.Qos;
import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.WriteResult;
import dev.tern.api.topic.TopicName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Writes the golden store directories under src/test/resources/golden/ that GoldenStoreTest opens: a format 1 store
 * holding every kind of record, damaged copies of it, and a store from a future format. Regenerate only when format 1
 * itself is meant to change (which it never should once released: add a v2 instead):
 *
 * <pre>
 * mvn -o -pl tern-store-rocksdb test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.tern.store.rocksdb.GoldenStoreGenerator -Dexec.args=src/test/resources/golden
 * </pre>
 */
public final class GoldenStoreGenerator {
    private GoldenStoreGenerator() {}

    /** Everything v1/complete holds, written in three writes like a running broker would. */
    static List<List<StoreChange>> completeContent() {
        return List.of(
                List.of(
                        new StoreChange.SessionSaved(Fixtures.session("sensor-1")),
                        new StoreChange.SessionSaved(Fixtures.bareSession("ünïcode client/with spaces")),
                        Fixtures.subscription("sensor-1", "home/+/temperature"),
                        Fixtures.subscription("sensor-1", "$share/workers/jobs/#"),
                        new StoreChange.SubscriptionSaved(
                                "ünïcode client/with spaces",
                                dev.tern.api.topic.TopicFilter.of("#"),
                                dev.tern.api.session.SubscriptionOptions.of(Qos.AT_LEAST_ONCE)),
                        new StoreChange.ExactlyOnceHeld("sensor-1", 17),
                        new StoreChange.ExactlyOnceHeld("sensor-1", 65535)),
                List.of(
                        queued("sensor-1", 1, 100, richMessage("home/kitchen/temperature", "21.5")),
                        queued("ünïcode client/with spaces", 4, 100, richMessage("home/kitchen/temperature", "21.5")),
                        new StoreChange.DeliveryQueued(
                                "sensor-1",
                                new StoredDelivery(
                                        2,
                                        101,
                                        Fixtures.plainMessage("jobs/7", "do it"),
                                        Qos.EXACTLY_ONCE,
                                        false,
                                        List.of(),
                                        false)),
                        new StoreChange.DeliveryReleased("sensor-1", 2),
                        new StoreChange.RetainedSaved(richMessage("home/door", "open")),
                        new StoreChange.RetainedSaved(Fixtures.plainMessage("home/light", "on"))),
                List.of(
                        queued("sensor-1", 3, 102, Fixtures.plainMessage("gone", "x")),
                        new StoreChange.DeliveryRemoved("sensor-1", 3, 102),
                        new StoreChange.RetainedRemoved(new TopicName("home/light"))));
    }

    public static void main(String[] args) throws Exception {
        Path root =
                Path.of(args.length > 0 ? args[0] : "src/test/resources/golden").toAbsolutePath();
        Path complete = root.resolve("v1/complete");
        deleteTree(root);
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(complete))) {
            for (List<StoreChange> changes : completeContent()) {
                CompletableFuture<WriteResult> done = new CompletableFuture<>();
                store.write(changes, done::complete);
                if (done.get(30, TimeUnit.SECONDS) != WriteResult.WRITTEN) {
                    throw new IllegalStateException("golden write failed");
                }
            }
        }
        tidy(complete);

        Path missingCurrent = copy(complete, root.resolve("v1/missing-current"));
        Files.delete(missingCurrent.resolve("CURRENT"));

        Path corruptManifest = copy(complete, root.resolve("v1/corrupt-manifest"));
        try (Stream<Path> files = Files.list(corruptManifest)) {
            for (Path manifest : files.filter(p -> p.getFileName().toString().startsWith("MANIFEST-"))
                    .toList()) {
                byte[] bytes = Files.readAllBytes(manifest);
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (bytes[i] ^ 0x5A);
                }
                Files.write(manifest, bytes);
            }
        }

        // A row whose value is cut short: RocksDB opens the store, Tern's decoder refuses the row.
        Path corruptRecord = copy(complete, root.resolve("v1/corrupt-record"));
        rawPut(corruptRecord, ColumnFamily.SESSIONS, Keys.client("broken-client"), new byte[] {1, 0, 0, 0, 99, 'x'});

        Path future = root.resolve("future-format");
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(future))) {
            store.load();
        }
        rawPut(future, ColumnFamily.META, Keys.FORMAT_VERSION, Values.counter(99));
        System.out.println("golden stores written under " + root);
    }

    private static void rawPut(Path dir, ColumnFamily cf, byte[] key, byte[] value) throws Exception {
        try (Database database = Database.open(Fixtures.settings(dir));
                WriteBatch batch = new WriteBatch();
                WriteOptions sync = new WriteOptions().setSync(true)) {
            batch.put(database.handle(cf), key, value);
            database.db().write(sync, batch);
            database.flushAll();
        }
        tidy(dir);
    }

    /**
     * RocksDB's own LOG files, the LOCK file and the OPTIONS files (a record of the options last used, 55 KB each,
     * written anew at every open) are not part of a store's data: leaving them out keeps the golden stores small.
     */
    private static void tidy(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("LOG") || name.equals("LOCK") || name.startsWith("OPTIONS-")) {
                    Files.delete(file);
                }
            }
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
