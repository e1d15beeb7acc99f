package dev.tern.transport;

/** Which TLS implementation serves a listener. */
public enum TlsProvider {
    /** OpenSSL (BoringSSL, netty-tcnative) where its native library loads, else the JDK's. */
    AUTO,
    /** OpenSSL (BoringSSL); a listener that needs it fails to start where it does not load. */
    OPENSSL,
    /** The JDK's own TLS (JSSE). */
    JDK
}
