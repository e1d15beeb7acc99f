package dev.tern.api.topic;

import java.util.Objects;

/**
 * The name a message is published to: at least one character, no wildcard, no U+0000 [MQTT-4.7.3-1] [MQTT-4.7.3-2]
 * [MQTT-3.3.2-2]. Levels are separated by {@code /}; empty levels are allowed ({@code a//b}, {@code /a}).
 */
public record TopicName(String value) {
    public TopicName {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid topic name: '" + value
                    + "' (topic names are non-empty and contain no '+', '#' or U+0000)");
        }
    }

    /** Whether {@code value} is a valid topic name. */
    public static boolean isValid(String value) {
        return !value.isEmpty() && value.indexOf('+') < 0 && value.indexOf('#') < 0 && value.indexOf('\u0000') < 0;
    }

    /**
     * Topics starting with {@code $} are the server's ({@code $SYS/...}); a filter starting with a wildcard does not
     * match them [MQTT-4.7.2-1].
     */
    public boolean isSystem() {
        return value.charAt(0) == '$';
    }

    @Override
    public String toString() {
        return value;
    }
}
