package dev.tern.store.rocksdb;

import static dev.tern.store.rocksdb.Fixtures.queued;
import static dev.tern.store.rocksdb.Fixtures.richMessage;
import static dev.tern.store.rocksdb.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.WriteResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * The store's side of a full disk, with RocksDB's write failing exactly as it does on ENOSPC (IOError, NoSpace). Runs
 * everywhere; DiskFullOnTmpfsTest shows the same on a real full filesystem where one can be mounted.
 */
class SimulatedDiskFullTest {
    @TempDir
    Path dir;

    private final AtomicBoolean full = new AtomicBoolean();
    private final AtomicBoolean otherFailure = new AtomicBoolean();

    private final WriteCall faultyDisk = (db, options, batch) -> {
        if (full.get()) {
            throw new RocksDBException(
                    "While appending to file: 000004.log: No space left on device",
                    new Status(Status.Code.IOError, Status.SubCode.NoSpace, "No space left on device"));
        }
        if (otherFailure.get()) {
            throw new RocksDBException("IO error: something else", new Status(Status.Code.IOError, null, "x"));
        }
        db.write(options, batch);
    };

    @Test
    void writes_complete_no_space_while_the_disk_is_full_and_work_again_once_it_has_room() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir), faultyDisk)) {
            assertThat(write(
                            store,
                            new StoreChange.SessionSaved(Fixtures.session("c")),
                            queued("c", 1, 1, richMessage("t", "kept"))))
                    .isEqualTo(WriteResult.WRITTEN);
            assertThat(store.acceptsWrites()).isTrue();

            full.set(true);
            assertThat(write(store, queued("c", 2, 2, richMessage("t", "lost"))))
                    .isEqualTo(WriteResult.NO_SPACE);
            assertThat(store.acceptsWrites()).isFalse();
            assertThat(write(store, queued("c", 3, 3, richMessage("t", "lost too"))))
                    .isEqualTo(WriteResult.NO_SPACE);

            full.set(false);
            assertThat(store.awaitAcceptsWrites(true, Duration.ofSeconds(30))).isTrue();
            assertThat(write(store, queued("c", 4, 4, richMessage("t", "after"))))
                    .isEqualTo(WriteResult.WRITTEN);
            assertThat(store.messageRowCount()).isEqualTo(2);
        }
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            assertThat(store.load().sessions().getFirst().deliveries())
                    .extracting(StoredDelivery::seq)
                    .containsExactly(1L, 4L);
        }
    }

    @Test
    void another_write_failure_completes_failed_and_the_store_carries_on() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir), faultyDisk)) {
            otherFailure.set(true);
            assertThat(write(store, new StoreChange.SessionSaved(Fixtures.session("c"))))
                    .isEqualTo(WriteResult.FAILED);
            assertThat(store.acceptsWrites()).isTrue();
            otherFailure.set(false);
            assertThat(write(store, new StoreChange.SessionSaved(Fixtures.session("c"))))
                    .isEqualTo(WriteResult.WRITTEN);
        }
    }

    @Test
    void a_callback_that_throws_does_not_stop_the_store_thread() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            store.write(java.util.List.of(new StoreChange.SessionSaved(Fixtures.session("c"))), r -> {
                throw new IllegalStateException("a careless caller");
            });
            assertThat(write(store, new StoreChange.SessionSaved(Fixtures.session("d"))))
                    .isEqualTo(WriteResult.WRITTEN);
        }
    }
}
