package dev.tern.transport;

/** Which part of a client certificate names the client. */
public enum CertificateField {
    /** Nothing: the client's own username or client identifier is kept. */
    NONE,
    /** The subject's common name (CN). */
    CN,
    /** The first subject alternative name that is an e-mail address, a DNS name or a URI, in the certificate's order. */
    SAN
}
