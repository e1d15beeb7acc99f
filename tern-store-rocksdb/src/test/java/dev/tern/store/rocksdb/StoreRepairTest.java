package dev.tern.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.api.store.StoredState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRepairTest {
    @TempDir
    Path temp;

    private StoredState expectedComplete() throws Exception {
        try (RocksDbSessionStore store =
                RocksDbSessionStore.open(Fixtures.settings(GoldenStoreTest.copyOf("v1/complete", temp)))) {
            return store.load();
        }
    }

    private static StoredState open(Path dir) throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            return store.load();
        }
    }

    @Test
    void a_store_missing_its_current_file_is_salvaged_whole_and_opens_afterwards() throws Exception {
        Path dir = GoldenStoreTest.copyOf("v1/missing-current", temp);
        String summary = StoreRepair.repair(dir);
        assertThat(summary).contains("Repaired the store in " + dir, "CURRENT", "2 sessions", "0 damaged records");
        assertThat(open(dir)).isEqualTo(expectedComplete());
    }

    @Test
    void a_store_with_a_corrupt_manifest_is_rebuilt_by_rocksdbs_repair_and_opens_afterwards() throws Exception {
        assumeTrue(NativeRepair.available(), "RocksDB's repair is called through the FFM API of JDK 22+");
        Path dir = GoldenStoreTest.copyOf("v1/corrupt-manifest", temp);
        String summary = StoreRepair.repair(dir);
        System.out.println(summary);
        assertThat(summary).contains("RocksDB's repair rebuilt");
        assertThat(open(dir)).isEqualTo(expectedComplete());
    }

    @Test
    void a_record_that_does_not_decode_is_dropped_and_named_and_the_rest_opens() throws Exception {
        Path dir = GoldenStoreTest.copyOf("v1/corrupt-record", temp);
        String summary = StoreRepair.repair(dir);
        assertThat(summary).contains("1 damaged records dropped", "column family 'sessions'", "broken-client");
        assertThat(open(dir)).isEqualTo(expectedComplete());
    }

    @Test
    void repair_refuses_a_directory_that_is_not_a_store() throws Exception {
        Files.writeString(temp.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> StoreRepair.repair(temp))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining("is not a Tern store");
        assertThat(Files.readString(temp.resolve("notes.txt"))).isEqualTo("mine");
        assertThatThrownBy(() -> StoreRepair.repair(temp.resolve("missing")))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining("no store to repair");
    }
}
