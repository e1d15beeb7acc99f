package dev.tern.api.security;

import java.util.Objects;
import java.util.Optional;

/**
 * What a connecting client presents. The password is raw bytes (MQTT's is binary); {@code certificateSubject} is the
 * verified client certificate's subject when the listener uses mutual TLS.
 */
public record Credentials(
        String clientId,
        Optional<String> username,
        Optional<byte[]> password,
        String peer,
        boolean peerIsLoopback,
        String listener,
        Optional<String> certificateSubject) {

    public Credentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(certificateSubject, "certificateSubject");
    }
}
