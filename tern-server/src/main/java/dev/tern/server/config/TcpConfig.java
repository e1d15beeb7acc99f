package dev.tern.server.config;

/**
 * The MQTT TCP listener (keys {@code mqtt.tcp.*}).
 *
 * @param port the TCP port; 0 picks a free one, which the ready line reports
 * @param bind the local address to listen on; {@code 0.0.0.0} for every IPv4 interface, {@code ::} for every one
 */
public record TcpConfig(int port, String bind) {
    public TcpConfig {
        Checks.range("mqtt.tcp.port", port, 0, 65_535);
        Checks.notBlank("mqtt.tcp.bind", bind, "a host name or IP address, such as 0.0.0.0, 127.0.0.1 or ::");
    }

    static TcpConfig defaults() {
        return new TcpConfig(1883, "0.0.0.0");
    }
}
