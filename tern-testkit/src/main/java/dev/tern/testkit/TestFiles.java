package dev.tern.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where test fixtures put their files, and how they clean up after themselves. */
final class TestFiles {
    private TestFiles() {}

    /**
     * A directory for process logs that outlive the test, so that a failure can be diagnosed: {@code
     * target/test-processes} of the module under test when run by Maven, else a temporary directory.
     */
    static Path logDirectory() {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        try {
            if (Files.isDirectory(target)) {
                return Files.createDirectories(target.resolve("test-processes"));
            }
            return Files.createTempDirectory("tern-test-processes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for test process logs", e);
        }
    }

    static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /** Deletes {@code dir} and everything in it; a directory that is gone already is fine. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
