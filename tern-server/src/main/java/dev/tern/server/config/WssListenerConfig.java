package dev.tern.server.config;

/**
 * The MQTT over secure WebSocket listener (keys {@code mqtt.wss.*}), named {@code mqtt-wss}; off unless enabled. Its
 * certificate and key are {@code tls.*}.
 *
 * @param enabled whether it listens
 * @param port the TCP port; 0 picks a free one
 * @param bind the local address to listen on
 * @param path the HTTP path clients open the WebSocket on
 * @param maxConnections connections this listener keeps open at once; 0: no limit of its own
 * @param proxyProtocol whether each connection starts with a PROXY protocol header (before the TLS handshake)
 * @param clientAuth whether clients must present a certificate signed by {@code tls.ca_file}
 */
public record WssListenerConfig(
        boolean enabled,
        int port,
        String bind,
        String path,
        int maxConnections,
        boolean proxyProtocol,
        ClientAuth clientAuth) {
    public WssListenerConfig {
        Checks.range("mqtt.wss.port", port, 0, 65_535);
        Checks.notBlank("mqtt.wss.bind", bind, "a host name or IP address, such as 0.0.0.0, 127.0.0.1 or ::");
        ListenerConfig.checkPath("mqtt.wss.path", path);
        Checks.range("mqtt.wss.max_connections", maxConnections, 0, Integer.MAX_VALUE);
        Checks.present("mqtt.wss.client_auth", clientAuth);
    }

    static WssListenerConfig defaults() {
        return new WssListenerConfig(false, 8084, "0.0.0.0", "/mqtt", 0, false, ClientAuth.NONE);
    }
}
