package dev.tern.api.session;

import dev.tern.api.message.Message;
import java.util.Objects;

/**
 * A message the broker publishes on the client's behalf when its connection ends without a normal disconnect, after
 * {@code delaySeconds} or when the session ends, whichever comes first (MQTT 5 section 3.1.3.2.2).
 */
public record Will(Message message, long delaySeconds) {
    public Will {
        Objects.requireNonNull(message, "message");
        if (delaySeconds < 0) {
            throw new IllegalArgumentException("will delay must not be negative");
        }
    }
}
