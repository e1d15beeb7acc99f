package dev.tern.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * What a listener puts between the socket and the protocol, in this order: the PROXY protocol header, TLS, WebSocket.
 *
 * @param proxyProtocol whether every connection starts with a PROXY protocol v1 or v2 header (from a load balancer);
 *     a connection without a valid one is closed
 * @param tls TLS on the connection, if any
 * @param webSocket MQTT over WebSocket, if any
 * @param maxConnections connections this listener keeps open at once; one more is closed as soon as it is accepted.
 *     Zero means no limit of the listener's own
 */
public record ListenerLayers(
        boolean proxyProtocol, Optional<ServerTls> tls, Optional<WebSocketSettings> webSocket, int maxConnections) {

    public ListenerLayers {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(webSocket, "webSocket");
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections cannot be negative, was " + maxConnections);
        }
    }

    /** Plain TCP: nothing between the socket and the protocol, no limit of the listener's own. */
    public static ListenerLayers plain() {
        return new ListenerLayers(false, Optional.empty(), Optional.empty(), 0);
    }

    /** The scheme clients use for this listener: {@code tcp}, {@code tls}, {@code ws} or {@code wss}. */
    public String scheme() {
        if (webSocket.isPresent()) {
            return tls.isPresent() ? "wss" : "ws";
        }
        return tls.isPresent() ? "tls" : "tcp";
    }
}
