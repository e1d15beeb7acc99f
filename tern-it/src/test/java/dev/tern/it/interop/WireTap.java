package dev.tern.it.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay between one client and the broker that keeps a copy of the bytes each way, so a test can see on the
 * wire what a real client and the broker chose to send (a topic alias instead of the topic, for instance) without
 * trusting either side's own account. One connection; the relay threads end when either side closes.
 */
final class WireTap implements AutoCloseable {
    private final ServerSocket listener;
    private final int brokerPort;
    private final ByteArrayOutputStream toBroker = new ByteArrayOutputStream();
    private final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
    private final List<Socket> sockets = new ArrayList<>();

    private WireTap(ServerSocket listener, int brokerPort) {
        this.listener = listener;
        this.brokerPort = brokerPort;
    }

    /** Listens on an ephemeral loopback port; the first client that connects is relayed to {@code brokerPort}. */
    static WireTap to(int brokerPort) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            WireTap tap = new WireTap(listener, brokerPort);
            Thread acceptor = new Thread(tap::acceptOne, "wiretap-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return tap;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the wire tap", e);
        }
    }

    /** The port the client connects to instead of the broker's. */
    int port() {
        return listener.getLocalPort();
    }

    /** Every byte the client has sent to the broker so far. */
    byte[] clientToBroker() {
        synchronized (toBroker) {
            return toBroker.toByteArray();
        }
    }

    /** Every byte the broker has sent to the client so far. */
    byte[] brokerToClient() {
        synchronized (toClient) {
            return toClient.toByteArray();
        }
    }

    /** How often {@code needle} occurs in {@code haystack}. */
    static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    private void acceptOne() {
        try {
            Socket client = listener.accept();
            Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
            client.setTcpNoDelay(true);
            broker.setTcpNoDelay(true);
            synchronized (sockets) {
                sockets.add(client);
                sockets.add(broker);
            }
            relay("wiretap-up", client, broker, toBroker);
            relay("wiretap-down", broker, client, toClient);
        } catch (IOException e) {
            // closed before a client came: nothing to relay
        }
    }

    private void relay(String name, Socket from, Socket to, ByteArrayOutputStream copy) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            synchronized (copy) {
                                copy.write(buffer, 0, n);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side went away: the relay ends
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        synchronized (sockets) {
            sockets.forEach(WireTap::closeQuietly);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing test plumbing: nothing to do
        }
    }
}
