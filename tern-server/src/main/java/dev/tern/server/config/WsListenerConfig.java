package dev.tern.server.config;

/**
 * The MQTT over WebSocket listener (keys {@code mqtt.ws.*}), named {@code mqtt-ws}; off unless enabled.
 *
 * @param enabled whether it listens
 * @param port the TCP port; 0 picks a free one
 * @param bind the local address to listen on
 * @param path the HTTP path clients open the WebSocket on
 * @param maxConnections connections this listener keeps open at once; 0: no limit of its own
 * @param proxyProtocol whether each connection starts with a PROXY protocol header (before the HTTP upgrade)
 */
public record WsListenerConfig(
        boolean enabled, int port, String bind, String path, int maxConnections, boolean proxyProtocol) {
    public WsListenerConfig {
        Checks.range("mqtt.ws.port", port, 0, 65_535);
        Checks.notBlank("mqtt.ws.bind", bind, "a host name or IP address, such as 0.0.0.0, 127.0.0.1 or ::");
        ListenerConfig.checkPath("mqtt.ws.path", path);
        Checks.range("mqtt.ws.max_connections", maxConnections, 0, Integer.MAX_VALUE);
    }

    static WsListenerConfig defaults() {
        return new WsListenerConfig(false, 8083, "0.0.0.0", "/mqtt", 0, false);
    }
}
