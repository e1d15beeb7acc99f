package dev.tern.api.session;

/** What an outlet did with a delivery. */
public enum DeliveryOutcome {
    /** Written (or queued for writing) to the client. */
    SENT,
    /**
     * Not sent because its encoding exceeds the client's Maximum Packet Size: the spec says to discard it as if it had
     * been delivered [MQTT-3.1.2-25], so the session frees its packet identifier at once.
     */
    DROPPED_TOO_LARGE,
    /**
     * Not sent because the message expired between the session's check and the write [MQTT-3.3.2-5]; the session
     * frees its packet identifier at once.
     */
    DROPPED_EXPIRED
}
