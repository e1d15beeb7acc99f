package dev.tern.server.config;

/**
 * The MQTT TCP listener (keys {@code mqtt.tcp.*}), named {@code mqtt-tcp}; always on.
 *
 * @param port the TCP port; 0 picks a free one, which the ready line reports
 * @param bind the local address to listen on; {@code 0.0.0.0} for every IPv4 interface, {@code ::} for every one
 * @param maxConnections connections this listener keeps open at once; 0: no limit of its own
 * @param proxyProtocol whether each connection starts with a PROXY protocol v1/v2 header from a load balancer
 */
public record TcpConfig(int port, String bind, int maxConnections, boolean proxyProtocol) {
    public TcpConfig {
        Checks.range("mqtt.tcp.port", port, 0, 65_535);
        Checks.notBlank("mqtt.tcp.bind", bind, "a host name or IP address, such as 0.0.0.0, 127.0.0.1 or ::");
        Checks.range("mqtt.tcp.max_connections", maxConnections, 0, Integer.MAX_VALUE);
    }

    static TcpConfig defaults() {
        return new TcpConfig(1883, "0.0.0.0", 0, false);
    }
}
