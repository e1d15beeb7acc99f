package dev.tern.store.rocksdb;

import java.nio.file.Path;

/** The messages a user reads when the store cannot be opened: where, what is wrong, what to do about it. */
final class OpenFailures {
    private OpenFailures() {}

    /** RocksDB cannot open it, or a record does not decode: repair may salvage it, moving it aside starts afresh. */
    static StoreOpenException damaged(Path directory, String what, Throwable cause) {
        String dir = directory.toString();
        return new StoreOpenException(
                "The store in " + dir + " cannot be opened: " + what + ". Nothing in it was changed or deleted."
                        + " To salvage what can be read, stop Tern and run `./tern store repair --dir " + dir
                        + "` (RocksDB's repair; damaged records are dropped and listed)."
                        + " Or move the directory aside (`mv " + dir + " " + dir + ".broken`) to start with an"
                        + " empty store and keep the old one for inspection.",
                cause);
    }

    static StoreOpenException notTernStore(Path directory, String what) {
        String dir = directory.toString();
        return new StoreOpenException("The directory " + dir + " is not a Tern store: " + what
                + ". Tern creates its store only in a missing or empty directory and never writes into anything"
                + " else. Point the data directory elsewhere, or move this one aside (`mv " + dir + " " + dir
                + ".other`) if it should not be there.");
    }

    static StoreOpenException newerFormat(Path directory, long format) {
        return new StoreOpenException("The store in " + directory + " was written by a newer Tern: format " + format
                + "; this version reads format " + Values.FORMAT
                + ". Run the newer Tern on it, or point this one at another data directory. Nothing was changed.");
    }

    static StoreOpenException inUse(Path directory, Throwable cause) {
        return new StoreOpenException(
                "The store in " + directory + " is in use by another process (is another Tern running on the same"
                        + " data directory?). Stop it, or point this one at another data directory.",
                cause);
    }

    static StoreOpenException unusable(Path directory, String what, Throwable cause) {
        return new StoreOpenException(
                "The store in " + directory + " cannot be opened: " + what
                        + ". Check that the directory is writable by this user and that the disk has space.",
                cause);
    }
}
