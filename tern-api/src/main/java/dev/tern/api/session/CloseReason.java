package dev.tern.api.session;

/** Why the core closes a client's connection. */
public enum CloseReason {
    /** Another connection took the session over (MQTT 5: 0x8E). */
    SESSION_TAKEN_OVER,
    /** The broker is stopping (MQTT 5: 0x8B). */
    SERVER_SHUTTING_DOWN,
    /** An operator disconnected the client (MQTT 5: 0x98). */
    ADMINISTRATIVE_ACTION,
    /** The client's queue overflowed under the disconnect policy (MQTT 5: 0x97). */
    QUOTA_EXCEEDED
}
