package dev.tern.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP port of 127.0.0.1 that nothing listens on, for a broker that must come back on the same address after a
 * restart ({@link BrokerProcess#startIn}). Port 0 cannot do that: each start would get a new port.
 *
 * <p>The port is taken outside the kernel's ephemeral range ({@code /proc/sys/net/ipv4/ip_local_port_range} on Linux):
 * while the broker is down, the clients of a crash test keep opening connections, and each takes a local port from
 * that range; one of them could sit on the broker's port and keep it from binding again. Outside the range only a
 * listener started by someone else can take it, which is what checking that it binds now rules out, as far as a
 * check can.
 */
public final class FreePort {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 100;

    private FreePort() {}

    /** A port of 127.0.0.1 that could be bound just now, below the ephemeral range. */
    public static int loopback() {
        int below = ephemeralRangeStart();
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, below);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
                return candidate;
            } catch (IOException inUse) {
                last = inUse;
            }
        }
        throw new UncheckedIOException(
                "no free port of 127.0.0.1 in " + LOWEST + ".." + (below - 1) + " after " + ATTEMPTS + " tries", last);
    }

    /** The first port the kernel hands out for outgoing connections; 32768 (Linux's default) where unknown. */
    static int ephemeralRangeStart() {
        try {
            String[] range = Files.readString(EPHEMERAL_RANGE, StandardCharsets.US_ASCII)
                    .trim()
                    .split("\\s+");
            int start = Integer.parseInt(range[0]);
            return start > LOWEST + ATTEMPTS ? start : 32768;
        } catch (IOException | RuntimeException notLinux) {
            return 32768;
        }
    }
}
