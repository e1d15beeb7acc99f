package dev.tern.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredSession;
import dev.tern.api.store.StoredState;
import dev.tern.api.store.WriteResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores written by an earlier build (GoldenStoreGenerator), opened by this one. Each is copied first: RocksDB writes
 * into any directory it opens.
 */
class GoldenStoreTest {
    @TempDir
    Path temp;

    static Path golden(String name) {
        try {
            return Path.of(Objects.requireNonNull(GoldenStoreTest.class.getResource("/golden/" + name), name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path copyOf(String name, Path temp) throws Exception {
        return GoldenStoreGenerator.copy(golden(name), temp.resolve(name));
    }

    @Test
    void a_format_1_store_with_every_kind_of_record_loads_as_what_was_written() throws Exception {
        Path fresh = temp.resolve("fresh");
        StoredState expected;
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(fresh))) {
            for (List<StoreChange> changes : GoldenStoreGenerator.completeContent()) {
                CompletableWrite.of(store, changes);
            }
        }
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(fresh))) {
            expected = store.load();
        }
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(copyOf("v1/complete", temp)))) {
            StoredState state = store.load();
            assertThat(state).isEqualTo(expected);
            assertThat(state.sessions()).hasSize(2);
            StoredSession sensor = state.sessions().stream()
                    .filter(s -> s.session().clientId().equals("sensor-1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sensor.deliveries()).extracting(d -> d.seq()).containsExactly(1L, 2L);
            assertThat(sensor.deliveries().get(1).released()).isTrue();
            assertThat(sensor.subscriptions()).hasSize(2);
            assertThat(sensor.exactlyOnceHeld()).containsExactlyInAnyOrder(17, 65535);
            assertThat(state.retained())
                    .singleElement()
                    .satisfies(m -> assertThat(m.topic().value()).isEqualTo("home/door"));
            assertThat(state.lastMessageId()).isEqualTo(102);
            assertThat(store.messageRowCount()).isEqualTo(2);
            // ... and it takes new writes.
            assertThat(Fixtures.write(store, new StoreChange.SessionRemoved("sensor-1")))
                    .isEqualTo(WriteResult.WRITTEN);
            assertThat(store.messageRowCount()).isEqualTo(1);
        }
    }

    @Test
    void a_store_without_its_current_file_is_refused_with_the_directory_and_both_ways_out() throws Exception {
        Path dir = copyOf("v1/missing-current", temp);
        assertThatThrownBy(() -> RocksDbSessionStore.open(Fixtures.settings(dir)))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("CURRENT file is missing")
                .hasMessageContaining("./tern store repair --dir " + dir)
                .hasMessageContaining("mv " + dir + " " + dir + ".broken");
    }

    @Test
    void a_store_with_a_corrupt_manifest_is_refused_with_the_directory_and_both_ways_out() throws Exception {
        Path dir = copyOf("v1/corrupt-manifest", temp);
        assertThatThrownBy(() -> RocksDbSessionStore.open(Fixtures.settings(dir)))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining("The store in " + dir + " cannot be opened")
                .hasMessageContaining("./tern store repair --dir " + dir)
                .hasMessageContaining("mv " + dir + " " + dir + ".broken");
    }

    @Test
    void a_record_that_does_not_decode_is_refused_naming_its_column_family_and_key() throws Exception {
        Path dir = copyOf("v1/corrupt-record", temp);
        assertThatThrownBy(() -> RocksDbSessionStore.open(Fixtures.settings(dir)))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("column family 'sessions'")
                .hasMessageContaining("broken-client")
                .hasMessageContaining("./tern store repair --dir " + dir);
    }

    @Test
    void a_store_of_a_newer_format_is_refused_saying_which_formats() throws Exception {
        Path dir = copyOf("future-format", temp);
        assertThatThrownBy(() -> RocksDbSessionStore.open(Fixtures.settings(dir)))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("written by a newer Tern: format 99; this version reads format 1");
    }

    /** Waits for one write; fails the test if it was not written. */
    private static final class CompletableWrite {
        static void of(RocksDbSessionStore store, List<StoreChange> changes) throws Exception {
            assertThat(Fixtures.write(store, changes.toArray(StoreChange[]::new)))
                    .isEqualTo(WriteResult.WRITTEN);
        }
    }
}
