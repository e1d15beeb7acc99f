package dev.tern.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The data directory: made absolute (so that the ready line and logs say exactly where it is) and created. */
final class DataDirectory {
    private DataDirectory() {}

    static Path prepare(String configured) throws StartException {
        Path dir;
        try {
            dir = Path.of(configured).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new StartException(
                    "data.dir: '" + configured + "' is not a valid path (" + e.getReason() + "). "
                            + "Choose another with --set data.dir=PATH.",
                    e);
        }
        try {
            return Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StartException(
                    "cannot use " + dir + " as the data directory: a file of that name is in the way. "
                            + "Move it, or choose another directory with --set data.dir=PATH.",
                    e);
        } catch (AccessDeniedException e) {
            throw new StartException(
                    "cannot create the data directory " + dir + ": permission denied on " + e.getFile() + ". "
                            + "Fix the permissions, or choose another directory with --set data.dir=PATH.",
                    e);
        } catch (IOException e) {
            throw new StartException(
                    "cannot create the data directory " + dir + ": " + e + ". "
                            + "Choose another directory with --set data.dir=PATH.",
                    e);
        }
    }
}
