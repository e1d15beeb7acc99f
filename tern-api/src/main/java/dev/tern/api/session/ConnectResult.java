package dev.tern.api.session;

import java.util.Objects;

/** The answer to a connect. */
public sealed interface ConnectResult {
    /**
     * The session is open; {@code sessionPresent} tells whether it existed before, {@code sessionExpirySeconds} is the
     * expiry the core applied (lower than asked when capped by configuration: MQTT 5 tells the client in CONNACK).
     */
    record Connected(SessionHandle session, boolean sessionPresent, long sessionExpirySeconds)
            implements ConnectResult {
        public Connected {
            Objects.requireNonNull(session, "session");
        }
    }

    /** The core would not open a session (for example the connection limit is reached). */
    record Refused(ConnectRefusal reason) implements ConnectResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
