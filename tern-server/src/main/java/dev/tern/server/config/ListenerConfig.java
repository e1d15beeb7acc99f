package dev.tern.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code mqtt.listeners}: a listener beyond the four fixed ones. A list has no defaults to document key
 * by key, so each entry's optional keys take the values written here (docs/configuration.md, "More listeners").
 *
 * @param name the listener's name in logs and in what access control sees; unique
 * @param type {@code tcp}, {@code tls}, {@code ws} or {@code wss}
 * @param port the TCP port; 0 picks a free one
 * @param bind the local address to listen on; {@code 0.0.0.0} when left out
 * @param path the WebSocket path ({@code ws}, {@code wss}); {@code /mqtt} when left out
 * @param maxConnections connections it keeps open at once; 0 (no limit of its own) when left out
 * @param proxyProtocol whether connections start with a PROXY protocol header; false when left out
 * @param clientAuth mutual TLS ({@code tls}, {@code wss}); {@code none} when left out
 */
public record ListenerConfig(
        String name,
        Type type,
        Integer port,
        String bind,
        String path,
        Integer maxConnections,
        Boolean proxyProtocol,
        ClientAuth clientAuth) {

    /** The names of the fixed listeners, which an entry may not take. */
    static final Set<String> FIXED_NAMES = Set.of("mqtt-tcp", "mqtt-tls", "mqtt-ws", "mqtt-wss");

    public ListenerConfig {
        Checks.notBlank("mqtt.listeners.name", name, "a name for the listener, such as tcp-internal");
        if (FIXED_NAMES.contains(name)) {
            throw ConfigException.aboutKey(
                    "mqtt.listeners.name",
                    "mqtt.listeners: the name '" + name + "' belongs to a fixed listener; choose another");
        }
        String key = "mqtt.listeners (" + name + ").";
        Checks.present(key + "type", type);
        Checks.present(key + "port", port);
        Checks.range(key + "port", port, 0, 65_535);
        bind = bind == null ? "0.0.0.0" : bind;
        Checks.notBlank(key + "bind", bind, "a host name or IP address, such as 0.0.0.0, 127.0.0.1 or ::");
        path = path == null ? "/mqtt" : path;
        checkPath(key + "path", path);
        maxConnections = maxConnections == null ? 0 : maxConnections;
        Checks.range(key + "max_connections", maxConnections, 0, Integer.MAX_VALUE);
        proxyProtocol = proxyProtocol != null && proxyProtocol;
        clientAuth = Objects.requireNonNullElse(clientAuth, ClientAuth.NONE);
    }

    static void checkPath(String key, String path) {
        if (path == null || !path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
            throw ConfigException.badValue(
                    key, String.valueOf(path), "an HTTP path that starts with '/', such as /mqtt");
        }
    }

    /** The kinds of listener. */
    public enum Type {
        @JsonProperty("tcp")
        TCP,
        @JsonProperty("tls")
        TLS,
        @JsonProperty("ws")
        WS,
        @JsonProperty("wss")
        WSS
    }
}
