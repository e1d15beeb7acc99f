package dev.tern.server.config;

/**
 * The MQTT over TLS listener (keys {@code mqtt.tls.*}), named {@code mqtt-tls}; off unless enabled. Its certificate
 * and key are {@code tls.*}.
 *
 * @param enabled whether it listens
 * @param port the TCP port; 0 picks a free one
 * @param bind the local address to listen on
 * @param maxConnections connections this listener keeps open at once; 0: no limit of its own
 * @param proxyProtocol whether each connection starts with a PROXY protocol header (before the TLS handshake)
 * @param clientAuth whether clients must present a certificate signed by {@code tls.ca_file}
 */
public record TlsListenerConfig(
        boolean enabled, int port, String bind, int maxConnections, boolean proxyProtocol, ClientAuth clientAuth) {
    public TlsListenerConfig {
        Checks.range("mqtt.tls.port", port, 0, 65_535);
        Checks.notBlank("mqtt.tls.bind", bind, "a host name or IP address, such as 0.0.0.0, 127.0.0.1 or ::");
        Checks.range("mqtt.tls.max_connections", maxConnections, 0, Integer.MAX_VALUE);
        Checks.present("mqtt.tls.client_auth", clientAuth);
    }

    static TlsListenerConfig defaults() {
        return new TlsListenerConfig(false, 8883, "0.0.0.0", 0, false, ClientAuth.NONE);
    }
}
