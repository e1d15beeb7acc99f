package dev.tern.server;

/**
 * The broker could not start (a port in use, a data directory it cannot create). The message names what failed and
 * says what to do about it.
 */
public final class StartException extends Exception {
    private static final long serialVersionUID = 1L;

    StartException(String message, Throwable cause) {
        super(message, cause);
    }
}
