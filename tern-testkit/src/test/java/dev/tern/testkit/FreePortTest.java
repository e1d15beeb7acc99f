package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void theLoopbackPortCanBeBoundAndLiesBelowTheEphemeralRange() throws Exception {
        int port = FreePort.loopback();

        assertThat(port).isBetween(10_000, FreePort.ephemeralRangeStart() - 1);
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the broker's listener does
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
