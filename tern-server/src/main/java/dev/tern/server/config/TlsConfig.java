package dev.tern.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The broker's TLS identity, shared by its TLS and secure WebSocket listeners (keys {@code tls.*}).
 *
 * @param certFile PEM file with the server certificate (and any intermediates after it); empty: not set
 * @param keyFile PEM file with the certificate's private key, unencrypted PKCS#8; empty: not set
 * @param caFile PEM file with the CA certificates client certificates must chain to (mutual TLS); empty: not set
 * @param provider {@code auto} (OpenSSL where it loads, else the JDK), {@code openssl} or {@code jdk}
 * @param protocols the TLS versions offered, comma-separated
 * @param reloadInterval seconds between two checks of the files for changes; 0 turns reloading off
 * @param usernameFrom the part of a client certificate that becomes the client's username
 * @param clientIdFrom the part of a client certificate that becomes the client identifier
 */
public record TlsConfig(
        String certFile,
        String keyFile,
        String caFile,
        Provider provider,
        String protocols,
        int reloadInterval,
        CertificateField usernameFrom,
        CertificateField clientIdFrom) {

    public TlsConfig {
        Checks.present("tls.cert_file", certFile);
        Checks.present("tls.key_file", keyFile);
        Checks.present("tls.ca_file", caFile);
        Checks.present("tls.provider", provider);
        Checks.notBlank("tls.protocols", protocols, "TLS versions such as TLSv1.2,TLSv1.3");
        for (String protocol : protocols.split(",")) {
            if (!protocol.strip().equals("TLSv1.2") && !protocol.strip().equals("TLSv1.3")) {
                throw ConfigException.badValue("tls.protocols", protocols, "TLSv1.2, TLSv1.3 or TLSv1.2,TLSv1.3");
            }
        }
        Checks.range("tls.reload_interval", reloadInterval, 0, 86_400);
        Checks.present("tls.username_from", usernameFrom);
        Checks.present("tls.client_id_from", clientIdFrom);
    }

    static TlsConfig defaults() {
        return new TlsConfig(
                "", "", "", Provider.AUTO, "TLSv1.2,TLSv1.3", 5, CertificateField.NONE, CertificateField.NONE);
    }

    /** The values of {@code tls.provider}. */
    public enum Provider {
        @JsonProperty("auto")
        AUTO,
        @JsonProperty("openssl")
        OPENSSL,
        @JsonProperty("jdk")
        JDK
    }

    /** The values of {@code tls.username_from} and {@code tls.client_id_from}. */
    public enum CertificateField {
        @JsonProperty("none")
        NONE,
        @JsonProperty("cn")
        CN,
        @JsonProperty("san")
        SAN
    }
}
