package dev.tern.mqtt;

/** The timers an {@link MqttChannel} asks its connection to run ({@link Action.SetTimer}). */
enum Timer {
    /** A connection must send CONNECT, and finish authenticating, within {@code mqtt.connect_timeout}. */
    CONNECT_TIMEOUT,
    /** Checks that a packet arrived within one and a half times the Keep Alive [MQTT-3.1.2-24] (3.1.1). */
    KEEP_ALIVE
}
