package dev.tern.transport;

import java.util.Objects;

/**
 * MQTT over WebSocket on a listener.
 *
 * @param path the HTTP path of the WebSocket upgrade, such as {@code /mqtt}
 * @param maxFrameBytes the largest WebSocket frame accepted; at least the protocol's largest packet, so that a client
 *     that sends one packet per frame is never cut short by the WebSocket layer
 */
public record WebSocketSettings(String path, int maxFrameBytes) {
    /** The sub-protocols MQTT clients ask for: {@code mqtt} (3.1.1 and 5.0) and {@code mqttv3.1} (3.1). */
    public static final String SUBPROTOCOLS = "mqtt,mqttv3.1";

    public WebSocketSettings {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a WebSocket path starts with '/', was '" + path + "'");
        }
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1, was " + maxFrameBytes);
        }
    }
}
