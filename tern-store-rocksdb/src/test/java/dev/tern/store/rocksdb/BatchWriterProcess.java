package dev.tern.store.rocksdb;

import dev.tern.api.store.StoreChange;
import dev.tern.api.store.WriteResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run by BatchModeTest as a separate JVM: writes in batch mode with an interval too long to ever sync, says so once
 * every callback has run, then waits to be killed.
 */
public final class BatchWriterProcess {
    private BatchWriterProcess() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        StoreSettings settings =
                Fixtures.settings(dir).withDurability(Durability.BATCH).withBatchIntervalMillis(60_000);
        RocksDbSessionStore store = RocksDbSessionStore.open(settings);
        store.load();
        CountDownLatch done = new CountDownLatch(count + 1);
        AtomicInteger written = new AtomicInteger();
        store.write(List.of(new StoreChange.SessionSaved(Fixtures.bareSession("batch"))), r -> done.countDown());
        for (int i = 1; i <= count; i++) {
            store.write(List.of(Fixtures.queued("batch", i, i, Fixtures.plainMessage("b/" + i, "payload " + i))), r -> {
                if (r == WriteResult.WRITTEN) {
                    written.incrementAndGet();
                }
                done.countDown();
            });
        }
        done.await();
        System.out.println("WRITTEN " + written.get() + " SYNCS " + store.syncCount());
        System.out.flush();
        System.in.read(); // killed while waiting here; never closes the store
    }
}
