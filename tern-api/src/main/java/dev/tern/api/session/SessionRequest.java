package dev.tern.api.session;

import java.util.Objects;
import java.util.Optional;

/**
 * What a connecting client asks of its session.
 *
 * @param cleanStart discard any existing session and start a new one
 * @param sessionExpirySeconds how long the session outlives the connection: 0 ends it with the connection,
 *     {@link #NEVER_EXPIRES} keeps it until a clean start (MQTT 3.x persistent sessions map here)
 * @param receiveMaximum how many QoS 1/2 deliveries the client accepts unacknowledged at once (1..65535)
 * @param will the will to publish if the connection ends abnormally
 */
public record SessionRequest(
        ClientInfo client, boolean cleanStart, long sessionExpirySeconds, int receiveMaximum, Optional<Will> will) {

    /** MQTT 5's 0xFFFFFFFF: the session does not expire. */
    public static final long NEVER_EXPIRES = 0xFFFF_FFFFL;

    public SessionRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(will, "will");
        if (sessionExpirySeconds < 0 || sessionExpirySeconds > NEVER_EXPIRES) {
            throw new IllegalArgumentException("session expiry out of range: " + sessionExpirySeconds);
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("receive maximum must be 1..65535, was " + receiveMaximum);
        }
    }
}
