package dev.tern.mqtt;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * The remote end of a connection as access control and the logs see it.
 *
 * @param address {@code host:port}
 * @param loopback whether it is a loopback address (anonymous access is allowed from there by default)
 */
record Peer(String address, boolean loopback) {
    Peer {
        Objects.requireNonNull(address, "address");
    }

    static Peer of(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            boolean loopback = inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
            return new Peer(inet.getHostString() + ":" + inet.getPort(), loopback);
        }
        return new Peer(String.valueOf(address), false);
    }
}
