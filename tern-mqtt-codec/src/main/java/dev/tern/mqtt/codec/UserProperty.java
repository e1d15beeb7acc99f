package dev.tern.mqtt.codec;

import java.util.Objects;

/** An MQTT 5 User Property: a UTF-8 string pair; the same name may appear more than once [MQTT-3.3.2-18]. */
public record UserProperty(String name, String value) {
    public UserProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
