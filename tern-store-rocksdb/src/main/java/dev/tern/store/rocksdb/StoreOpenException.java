package dev.tern.store.rocksdb;

import java.io.Serial;

/**
 * The store cannot be opened. The message is what a user sees at start: which directory, what is wrong and what to do
 * about it. A store that cannot be opened is never discarded or recreated behind the user's back.
 */
public final class StoreOpenException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    StoreOpenException(String message) {
        super(message);
    }

    StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
