package dev.tern.mqtt;

import dev.tern.transport.CertificateIdentity;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The remote end of a connection as access control and the logs see it.
 *
 * @param address {@code host:port}
 * @param loopback whether it is a loopback address (anonymous access is allowed from there by default)
 * @param certificate the client certificate the TLS handshake verified, and the names the listener takes from it
 */
record Peer(String address, boolean loopback, Optional<CertificateIdentity> certificate) {
    Peer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** A peer without a client certificate. */
    Peer(String address, boolean loopback) {
        this(address, loopback, Optional.empty());
    }

    static Peer of(SocketAddress address, Optional<CertificateIdentity> certificate) {
        if (address instanceof InetSocketAddress inet) {
            boolean loopback = inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
            return new Peer(inet.getHostString() + ":" + inet.getPort(), loopback, certificate);
        }
        return new Peer(String.valueOf(address), false, certificate);
    }
}
