package dev.tern.api.session;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is connected: identity for sessions, access control, logs and the admin API.
 *
 * @param clientId the session's identifier (assigned by the broker when the client sent none)
 * @param username the authenticated user, if any
 * @param peer the remote address as {@code host:port}, after PROXY protocol when a listener uses it
 * @param protocol protocol and version, such as {@code mqtt/3.1.1}, {@code mqtt/5.0}, {@code mqtt-sn/1.2}
 * @param listener the name of the listener the client came through
 */
public record ClientInfo(String clientId, Optional<String> username, String peer, String protocol, String listener) {
    public ClientInfo {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(listener, "listener");
    }

    /** The same client under another identifier (used when the broker assigns one). */
    public ClientInfo withClientId(String assigned) {
        return new ClientInfo(assigned, username, peer, protocol, listener);
    }
}
