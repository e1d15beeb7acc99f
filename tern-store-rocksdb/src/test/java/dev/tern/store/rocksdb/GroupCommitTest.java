package dev.tern.store.rocksdb;

import static dev.tern.store.rocksdb.Fixtures.plainMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredState;
import dev.tern.api.store.WriteResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    private static final int THREADS = 8;
    private static final int WRITES_PER_THREAD = 500;

    @TempDir
    Path dir;

    @Test
    void many_threads_writing_in_sync_mode_share_fsyncs_and_each_threads_callbacks_run_in_its_order() throws Exception {
        Result result = run(Durability.SYNC);
        assertThat(result.failures()).isZero();
        assertThat(result.outOfOrder()).isZero();
        assertThat(result.writes()).isEqualTo(THREADS * WRITES_PER_THREAD);
        // One fsync per drain: writers that queued during a sync share the next one.
        assertThat(result.syncs()).isLessThan(result.writes() / 2);
        System.out.printf(
                "group commit (SYNC, %d threads): %d writes, %d syncs, %.1f writes per sync, %.0f writes/s%n",
                THREADS,
                result.writes(),
                result.syncs(),
                (double) result.writes() / result.syncs(),
                result.writesPerSecond());
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            StoredState state = store.load();
            assertThat(state.sessions()).hasSize(THREADS);
            assertThat(state.sessions())
                    .allSatisfy(s -> assertThat(s.deliveries()).hasSize(WRITES_PER_THREAD));
        }
    }

    @Test
    void batch_mode_completes_without_waiting_for_fsync_and_everything_survives_close() throws Exception {
        Result result = run(Durability.BATCH);
        assertThat(result.failures()).isZero();
        assertThat(result.outOfOrder()).isZero();
        System.out.printf(
                "BATCH, %d threads: %d writes in %d batches, %.0f writes/s%n",
                THREADS, result.writes(), result.batches(), result.writesPerSecond());
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            assertThat(store.load().sessions())
                    .allSatisfy(s -> assertThat(s.deliveries()).hasSize(WRITES_PER_THREAD));
        }
    }

    @Test
    void callers_that_each_wait_for_their_own_write_still_share_fsyncs() throws Exception {
        int perThread = 200;
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            for (int t = 0; t < THREADS; t++) {
                Fixtures.write(store, new StoreChange.SessionSaved(Fixtures.bareSession("waiter-" + t)));
            }
            long syncsBefore = store.syncCount();
            AtomicInteger failures = new AtomicInteger();
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        try {
                            long messageId = 100_000L * (thread + 1) + i;
                            WriteResult result = Fixtures.write(
                                    store,
                                    Fixtures.queued(
                                            "waiter-" + thread, i, messageId, plainMessage("w/" + thread, "m" + i)));
                            if (result != WriteResult.WRITTEN) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long writes = (long) THREADS * perThread;
            long syncs = store.syncCount() - syncsBefore;
            assertThat(failures).hasValue(0);
            assertThat(syncs).isLessThan(writes);
            System.out.printf(
                    "group commit (SYNC, %d threads each waiting for its write): %d writes, %d syncs,"
                            + " %.1f writes per sync, %.0f writes/s%n",
                    THREADS, writes, syncs, (double) writes / syncs, writes / seconds);
        }
    }

    private record Result(
            long writes, long syncs, long batches, int failures, int outOfOrder, double writesPerSecond) {}

    /** Each thread owns a session and writes one delivery per call, checking its callbacks come back in order. */
    private Result run(Durability durability) throws Exception {
        StoreSettings settings = Fixtures.settings(dir).withDurability(durability);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger outOfOrder = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(THREADS * WRITES_PER_THREAD);
        ConcurrentHashMap<Integer, AtomicInteger> nextExpected = new ConcurrentHashMap<>();
        long started;
        long elapsed;
        long writes;
        long syncs;
        long batches;
        try (RocksDbSessionStore store = RocksDbSessionStore.open(settings)) {
            for (int t = 0; t < THREADS; t++) {
                Fixtures.write(store, new StoreChange.SessionSaved(Fixtures.bareSession("writer-" + t)));
                nextExpected.put(t, new AtomicInteger());
            }
            long syncsBefore = store.syncCount();
            long batchesBefore = store.batchCount();
            long writesBefore = store.writeCount();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < WRITES_PER_THREAD; i++) {
                        int n = i;
                        long messageId = (long) thread * WRITES_PER_THREAD + i + 1;
                        store.write(
                                List.of(Fixtures.queued(
                                        "writer-" + thread, n, messageId, plainMessage("t/" + thread, "m" + n))),
                                result -> {
                                    if (result != WriteResult.WRITTEN) {
                                        failures.incrementAndGet();
                                    }
                                    if (nextExpected.get(thread).getAndIncrement() != n) {
                                        outOfOrder.incrementAndGet();
                                    }
                                    done.countDown();
                                });
                    }
                }));
            }
            started = System.nanoTime();
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            elapsed = System.nanoTime() - started;
            writes = store.writeCount() - writesBefore;
            syncs = store.syncCount() - syncsBefore;
            batches = store.batchCount() - batchesBefore;
        }
        return new Result(writes, syncs, batches, failures.get(), outOfOrder.get(), writes * 1e9 / elapsed);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
