package dev.tern.api.message;

import java.util.Objects;

/** A name/value pair attached to a message by its publisher and forwarded unchanged (MQTT 5 User Property). */
public record UserProperty(String name, String value) {
    public UserProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
