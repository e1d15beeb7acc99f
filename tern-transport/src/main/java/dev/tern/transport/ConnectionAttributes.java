package dev.tern.transport;

import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;

/**
 * What a listener learns about a connection below the protocol and hands up to it as channel attributes: set before
 * the first protocol byte is passed on, so a protocol handler may read them from its first packet on.
 */
public final class ConnectionAttributes {
    /** The client's address as a PROXY protocol header named it; absent without PROXY protocol (or for LOCAL). */
    public static final AttributeKey<InetSocketAddress> CLIENT_ADDRESS =
            AttributeKey.valueOf("tern.transport.clientAddress");

    /** The client certificate a TLS handshake verified, with the names taken from it; absent without one. */
    public static final AttributeKey<CertificateIdentity> CLIENT_CERTIFICATE =
            AttributeKey.valueOf("tern.transport.clientCertificate");

    private ConnectionAttributes() {}
}
