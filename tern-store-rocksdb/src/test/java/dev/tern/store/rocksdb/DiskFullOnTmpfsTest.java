package dev.tern.store.rocksdb;

import static dev.tern.store.rocksdb.Fixtures.queued;
import static dev.tern.store.rocksdb.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.api.message.Message;
import dev.tern.api.message.MessageProperties;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.WriteResult;
import dev.tern.api.topic.TopicName;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real full disk: an 8 MiB tmpfs, filled up with a file. Mounting needs root (or a user namespace); where neither
 * is available the test is skipped, and SimulatedDiskFullTest still covers the store's side.
 */
class DiskFullOnTmpfsTest {
    private static Path mountPoint;
    private static boolean mounted;

    @BeforeAll
    static void mountSmallFilesystem() throws Exception {
        mountPoint = Files.createTempDirectory("tern-disk-full");
        mounted = run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint.toString());
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted) {
            run("umount", mountPoint.toString());
        }
        try (Stream<Path> paths = Files.walk(mountPoint)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Message big(int n) {
        byte[] payload = new byte[256 * 1024];
        payload[0] = (byte) n;
        return new Message(
                new TopicName("big/" + n),
                Payload.wrapOwned(payload),
                Qos.AT_LEAST_ONCE,
                false,
                MessageProperties.NONE,
                "p",
                0,
                Message.NEVER_EXPIRES);
    }

    @Test
    void a_full_disk_refuses_writes_and_after_space_is_freed_writes_work_again_with_nothing_lost() throws Exception {
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root); SimulatedDiskFullTest covers the store's side");
        Path storeDir = mountPoint.resolve("store");
        Path filler = mountPoint.resolve("filler");
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(storeDir))) {
            assertThat(write(
                            store,
                            new StoreChange.SessionSaved(Fixtures.session("c")),
                            queued("c", 1, 1, Fixtures.richMessage("t", "before"))))
                    .isEqualTo(WriteResult.WRITTEN);

            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] chunk = new byte[64 * 1024];
                while (true) {
                    out.write(chunk); // until ENOSPC
                }
            } catch (IOException expected) {
                // the filesystem is full
            }
            List<WriteResult> results = new ArrayList<>();
            for (int i = 2; i < 40 && !results.contains(WriteResult.NO_SPACE); i++) {
                results.add(write(store, queued("c", i, i, big(i))));
            }
            assertThat(results).contains(WriteResult.NO_SPACE);
            assertThat(store.acceptsWrites()).isFalse();
            assertThat(write(store, queued("c", 100, 100, Fixtures.richMessage("t", "still full"))))
                    .isEqualTo(WriteResult.NO_SPACE);

            Files.delete(filler);
            assertThat(store.awaitAcceptsWrites(true, Duration.ofSeconds(30))).isTrue();
            assertThat(write(store, queued("c", 101, 101, Fixtures.richMessage("t", "after"))))
                    .isEqualTo(WriteResult.WRITTEN);
        }
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(storeDir))) {
            List<Long> seqs = store.load().sessions().getFirst().deliveries().stream()
                    .map(StoredDelivery::seq)
                    .toList();
            assertThat(seqs).startsWith(1L).endsWith(101L).doesNotContain(100L);
        }
    }
}
