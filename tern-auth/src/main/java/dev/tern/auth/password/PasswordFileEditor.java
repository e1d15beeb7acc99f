package dev.tern.auth.password;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds, updates and deletes users of a password file ({@code tern passwd}). Other lines, comments included, are kept
 * as they are. The file is replaced in one atomic rename, so a broker that reloads it never reads half a file, and it
 * is readable by its owner only (where the file system has POSIX permissions).
 */
public final class PasswordFileEditor {
    /**
     * Iterations of PBKDF2 for new credentials. Checking a password costs one PBKDF2 of this many rounds (a few
     * milliseconds), on the network thread of the connecting client, once per user and password until the file
     * changes (successes are cached); see docs/security.md for why this figure.
     */
    public static final int DEFAULT_ITERATIONS = 10_000;

    private static final int SALT_BYTES = 16;

    private final SecureRandom random;
    private final int iterations;

    public PasswordFileEditor(SecureRandom random, int iterations) {
        if (iterations < ScramCredential.MIN_ITERATIONS) {
            throw new IllegalArgumentException(
                    "at least " + ScramCredential.MIN_ITERATIONS + " iterations (RFC 7677), not " + iterations);
        }
        this.random = random;
        this.iterations = iterations;
    }

    /** What an edit did. */
    public enum Outcome {
        ADDED,
        UPDATED,
        DELETED
    }

    /** Creates {@code file} with {@code user} alone in it; an existing file is replaced (as mosquitto_passwd -c). */
    public Outcome create(Path file, String user, byte[] password) throws IOException {
        checkUsername(user);
        write(file, List.of(PasswordFileFormat.line(user, credentials(password))));
        return Outcome.ADDED;
    }

    /** Adds {@code user}, or gives it a new password; the file must exist. */
    public Outcome put(Path file, String user, byte[] password) throws IOException {
        checkUsername(user);
        List<String> lines = read(file);
        PasswordFileFormat.parse(lines); // never build on a broken file
        String line = PasswordFileFormat.line(user, credentials(password));
        List<String> edited = new ArrayList<>(lines);
        int at = lineOf(lines, user);
        if (at >= 0) {
            edited.set(at, line);
        } else {
            edited.add(line);
        }
        write(file, edited);
        return at >= 0 ? Outcome.UPDATED : Outcome.ADDED;
    }

    /** Deletes {@code user}; fails when the file does not have it. */
    public Outcome delete(Path file, String user) throws IOException {
        List<String> lines = new ArrayList<>(read(file));
        int at = lineOf(lines, user);
        if (at < 0) {
            throw new IllegalArgumentException("user '" + user + "' is not in " + file);
        }
        lines.remove(at);
        write(file, lines);
        return Outcome.DELETED;
    }

    private List<ScramCredential> credentials(byte[] password) {
        List<ScramCredential> credentials = new ArrayList<>();
        for (ScramMechanism mechanism : List.of(ScramMechanism.SHA_512, ScramMechanism.SHA_256)) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            credentials.add(ScramCredential.derive(mechanism, password, salt, iterations));
        }
        return credentials;
    }

    private static void checkUsername(String user) {
        String problem = PasswordFileFormat.usernameProblem(user);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static int lineOf(List<String> lines, String user) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(user + ":")) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> read(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such password file; create it with -c");
        }
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another 'tern passwd' is editing " + file + " (" + temporary + " exists)", e);
        }
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
