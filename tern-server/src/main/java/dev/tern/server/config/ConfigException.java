package dev.tern.server.config;

import java.util.Optional;

/**
 * A configuration the broker cannot start with. The message is for the person who wrote the configuration: it names
 * the key, the value and where it came from, and says what is expected.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<String> key;

    private ConfigException(String message, Optional<String> key) {
        super(message);
        this.key = key;
    }

    /** A problem that is not about one key (an unreadable file, a malformed {@code --set}). */
    public static ConfigException of(String message) {
        return new ConfigException(message, Optional.empty());
    }

    /** {@code key} holds {@code value}, which is not what it takes: {@code expected} says what is. */
    static ConfigException badValue(String key, String value, String expected) {
        return new ConfigException(
                key + ": '" + value + "' is not a valid value; expected " + expected, Optional.of(key));
    }

    /** A problem with one key, described by {@code message}, which starts with the key. */
    static ConfigException aboutKey(String key, String message) {
        return new ConfigException(message, Optional.of(key));
    }

    /** The key the problem is about, when it is about one. */
    Optional<String> key() {
        return key;
    }

    /** The same problem, saying where the offending setting came from (a file, a {@code --set}). */
    ConfigException from(String origin) {
        String message = getMessage();
        int semicolon = message.indexOf("; expected ");
        String withOrigin = semicolon < 0
                ? message + " (" + origin + ")"
                : message.substring(0, semicolon) + " (" + origin + ")" + message.substring(semicolon);
        return new ConfigException(withOrigin, key);
    }
}
