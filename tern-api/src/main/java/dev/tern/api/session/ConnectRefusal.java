package dev.tern.api.session;

/** Why the core refused to open a session. */
public enum ConnectRefusal {
    /** The configured maximum number of connections is reached (MQTT 5: 0x97 Quota exceeded; 3.x: 3). */
    CONNECTION_LIMIT,
    /** The broker is shutting down (MQTT 5: 0x88 Server unavailable; 3.x: 3). */
    SHUTTING_DOWN
}
