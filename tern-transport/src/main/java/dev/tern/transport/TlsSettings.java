package dev.tern.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's TLS identity and what it trusts, shared by the TLS listeners of a broker.
 *
 * @param certFile PEM file with the server certificate, followed by any intermediate certificates
 * @param keyFile PEM file with the server's private key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY})
 * @param caFile PEM file with the CA certificates that client certificates must chain to (mutual TLS)
 * @param provider which TLS implementation to use
 * @param protocols the TLS versions offered, such as {@code TLSv1.2} and {@code TLSv1.3}
 * @param reloadInterval how often the files are checked for changes; zero turns reloading off
 * @param usernameFrom which part of a client certificate becomes the client's username
 * @param clientIdFrom which part of a client certificate becomes the client identifier
 */
public record TlsSettings(
        Path certFile,
        Path keyFile,
        Optional<Path> caFile,
        TlsProvider provider,
        List<String> protocols,
        Duration reloadInterval,
        CertificateField usernameFrom,
        CertificateField clientIdFrom) {

    public TlsSettings {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(provider, "provider");
        protocols = List.copyOf(protocols);
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        Objects.requireNonNull(usernameFrom, "usernameFrom");
        Objects.requireNonNull(clientIdFrom, "clientIdFrom");
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("at least one TLS protocol version is needed");
        }
        if (reloadInterval.isNegative()) {
            throw new IllegalArgumentException("the reload interval cannot be negative, was " + reloadInterval);
        }
    }
}
