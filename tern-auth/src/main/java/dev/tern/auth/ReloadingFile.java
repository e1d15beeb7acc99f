package dev.tern.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file read at start and again whenever it changes (checked by {@link #reloadIfChanged}, which the owner calls every
 * few seconds). A file that cannot be read or parsed at start fails the start; later, it is logged and the previous
 * content stays in force, so that a half-edited file never locks everyone out or lets everyone in.
 */
final class ReloadingFile<T> {
    private static final Logger log = LoggerFactory.getLogger(ReloadingFile.class);

    private final String what;
    private final Path path;
    private final Function<List<String>, T> parser;
    private volatile T current;
    private Stamp stamp;
    private Stamp failedStamp;

    private record Stamp(FileTime modified, long size, Object fileKey) {}

    /** Reads {@code path} now; fails with a message naming the file when it cannot. */
    ReloadingFile(String what, Path path, Function<List<String>, T> parser) {
        this.what = what;
        this.path = path;
        this.parser = parser;
        try {
            this.stamp = stampOf();
            this.current = parse();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(what + " " + path + ": " + describe(e), e);
        }
    }

    T current() {
        return current;
    }

    Path path() {
        return path;
    }

    /** Reads the file again if it changed since the last read; says whether the content was replaced. */
    synchronized boolean reloadIfChanged() {
        Stamp now;
        try {
            now = stampOf();
        } catch (IOException e) {
            if (failedStamp == null) {
                log.error("{} {} cannot be read ({}); keeping the rules read before", what, path, describe(e));
                failedStamp = new Stamp(FileTime.fromMillis(0), -1, null);
            }
            return false;
        }
        if (now.equals(stamp) || now.equals(failedStamp)) {
            return false;
        }
        try {
            T read = parse();
            current = read;
            stamp = now;
            failedStamp = null;
            log.info("{} {} reloaded", what, path);
            return true;
        } catch (IOException | RuntimeException e) {
            failedStamp = now; // logged once per broken version of the file
            log.error(
                    "{} {} is broken and was not reloaded ({}); the previous content stays in force",
                    what,
                    path,
                    describe(e));
            return false;
        }
    }

    private T parse() throws IOException {
        return Objects.requireNonNull(parser.apply(Files.readAllLines(path, StandardCharsets.UTF_8)));
    }

    private Stamp stampOf() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
    }

    private static String describe(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }
}
