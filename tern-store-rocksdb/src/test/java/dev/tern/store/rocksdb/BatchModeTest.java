package dev.tern.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.WriteResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchModeTest {
    @TempDir
    Path dir;

    @Test
    void writes_in_batch_mode_complete_before_any_sync_and_survive_close_and_reopen() throws Exception {
        StoreSettings settings =
                Fixtures.settings(dir).withDurability(Durability.BATCH).withBatchIntervalMillis(60_000);
        try (RocksDbSessionStore store = RocksDbSessionStore.open(settings)) {
            assertThat(Fixtures.write(store, new StoreChange.SessionSaved(Fixtures.session("b"))))
                    .isEqualTo(WriteResult.WRITTEN);
            for (int i = 1; i <= 50; i++) {
                Fixtures.write(store, Fixtures.queued("b", i, i, Fixtures.richMessage("t", "m" + i)));
            }
            assertThat(store.syncCount()).isZero();
        }
        try (RocksDbSessionStore store = RocksDbSessionStore.open(settings)) {
            assertThat(store.load().sessions().getFirst().deliveries())
                    .extracting(StoredDelivery::seq)
                    .hasSize(50)
                    .isSorted();
        }
    }

    @Test
    void batch_mode_syncs_the_log_within_its_interval() throws Exception {
        StoreSettings settings =
                Fixtures.settings(dir).withDurability(Durability.BATCH).withBatchIntervalMillis(5);
        try (RocksDbSessionStore store = RocksDbSessionStore.open(settings)) {
            Fixtures.write(store, new StoreChange.SessionSaved(Fixtures.session("b")));
            // The interval passes while the store thread waits; a later write finds the sync already done.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.syncCount() == 0 && System.nanoTime() < deadline) {
                Fixtures.write(store);
            }
            assertThat(store.syncCount()).isPositive();
        }
    }

    @Test
    void a_broker_process_killed_with_sigkill_loses_nothing_written_in_batch_mode() throws Exception {
        int count = 200;
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BatchWriterProcess.class.getName(),
                        dir.toString(),
                        Integer.toString(count))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String line;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            // Nothing was fsynced: what survives the kill was only in the operating system's page cache.
            assertThat(line).isEqualTo("WRITTEN " + count + " SYNCS 0");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            List<StoredDelivery> deliveries = store.load().sessions().getFirst().deliveries();
            assertThat(deliveries).hasSize(count);
            assertThat(deliveries.getLast().message().payload().sharedArray())
                    .isEqualTo(("payload " + count).getBytes(StandardCharsets.UTF_8));
        }
    }
}
