package dev.tern.transport;

/** Whether a TLS listener asks clients for a certificate (mutual TLS). */
public enum ClientAuthMode {
    /** No client certificate is asked for. */
    NONE,
    /** Asked for; a client without one is accepted, a client with one that does not verify is refused. */
    OPTIONAL,
    /** A client without a certificate that verifies against the trusted CAs is refused in the handshake. */
    REQUIRED
}
