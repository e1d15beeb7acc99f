package dev.tern.store.rocksdb;

import java.io.Serial;

/** A stored value does not decode; the loader adds the column family and key. */
final class CorruptValueException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    CorruptValueException(String message) {
        super(message);
    }
}
