package dev.tern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testkit.BrokerProcess;
import dev.tern.testkit.CapturedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that cannot be opened, as a user meets it: {@code tern start} refuses (never discards it) and says what to
 * do; {@code tern store repair} salvages it; the broker then starts on it. The damaged store is a golden directory of
 * tern-store-rocksdb (a manifest with flipped bytes).
 */
class DamagedStoreIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path GOLDEN = Path.of(System.getProperty("user.dir"))
            .resolve("../tern-store-rocksdb/src/test/resources/golden/v1/corrupt-manifest")
            .normalize();

    @TempDir
    Path dir;

    @Test
    void aDamagedStoreStopsTheStartWithTheDirectoryAndBothWaysOutAndRepairLetsItStart() throws IOException {
        Path data = dir.resolve("data");
        Path store = data.resolve("store");
        copy(GOLDEN, store);
        List<String> before = fileNames(store);

        try (CapturedProcess start = BrokerProcess.launch(startArguments(data))) {
            assertThat(start.awaitExit(WAIT)).isEqualTo(1);
            assertThat(start.output())
                    .contains("tern start: The store in " + store + " cannot be opened")
                    .contains("./tern store repair --dir " + store)
                    .contains("mv " + store + " " + store + ".broken")
                    .doesNotContain("ready:");
        }
        assertThat(fileNames(store)).as("nothing discarded").containsAll(before);

        try (CapturedProcess repair = BrokerProcess.launch(List.of("store", "repair", "--dir", store.toString()))) {
            assertThat(repair.awaitExit(WAIT)).as(repair.output()).isZero();
        }
        try (CapturedProcess start = BrokerProcess.launch(startArguments(data))) {
            start.awaitLineContaining("ready: MQTT on tcp", WAIT);
            start.terminate();
            assertThat(start.awaitExit(WAIT)).isZero();
        }
    }

    private static List<String> startArguments(Path data) {
        return List.of(
                "start",
                "--set",
                "mqtt.tcp.port=0",
                "--set",
                "mqtt.tcp.bind=127.0.0.1",
                "--set",
                "sys.interval=0",
                "--set",
                "data.dir=" + data);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
