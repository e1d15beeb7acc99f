package dev.tern.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a verified client certificate says the client is.
 *
 * @param subject the certificate's subject distinguished name (RFC 2253), such as {@code CN=sensor-1,O=Acme}
 * @param username the name to use as the client's username, when the listener takes it from the certificate
 * @param clientId the name to use as the client identifier, when the listener takes it from the certificate
 */
public record CertificateIdentity(String subject, Optional<String> username, Optional<String> clientId) {
    public CertificateIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(clientId, "clientId");
    }
}
