package dev.tern.testkit;

import dev.tern.mqtt.codec.MalformedPacketException;
import dev.tern.mqtt.codec.MqttDecoder;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PublishPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A client that speaks MQTT packet by packet over a plain blocking socket, for conformance tests that need
 * byte-exact control: send any packet (or any bytes), read the server's packets one at a time, see the connection close.
 * Waiting is done by socket read timeouts, never by sleeping.
 */
public final class RawMqttClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final MqttVersion version;
    private final MqttDecoder decoder;
    private final MqttEncoder encoder = new MqttEncoder();
    private final ByteBuf received = Unpooled.buffer();
    private final ByteArrayOutputStream rawReceived = new ByteArrayOutputStream();

    private RawMqttClient(Socket socket, MqttVersion version) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.version = version;
        this.decoder = MqttDecoder.forClient(version, 268_435_460);
    }

    /** Opens a TCP connection; nothing is sent yet. */
    public static RawMqttClient open(String host, int port, MqttVersion version) {
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            return new RawMqttClient(socket, version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    public static RawMqttClient open(int port, MqttVersion version) {
        return open("127.0.0.1", port, version);
    }

    /** Encodes and sends {@code packet} with this client's version. */
    public RawMqttClient send(MqttPacket packet) {
        ByteBuf encoded = encoder.encode(ByteBufAllocator.DEFAULT, packet, version);
        try {
            byte[] bytes = new byte[encoded.readableBytes()];
            encoded.readBytes(bytes);
            return sendBytes(bytes);
        } finally {
            encoded.release();
        }
    }

    /** Sends raw bytes, well-formed or not. */
    public RawMqttClient sendBytes(byte... bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("send failed", e);
        }
    }

    /** Sends bytes given as ints, for readable fixtures ({@code 0x10, 0x0C, ...}). */
    public RawMqttClient sendBytes(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return sendBytes(out);
    }

    /**
     * The next packet from the server, waiting up to {@code timeout}. Fails the test (AssertionError) when none comes
     * in time or the connection closes first.
     */
    public MqttPacket receive(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MqttPacket packet = tryDecode();
            if (packet != null) {
                return packet;
            }
            if (!readMore(deadline)) {
                throw new AssertionError("connection closed before a packet arrived; bytes so far: " + rawHex());
            }
        }
    }

    public MqttPacket receive() {
        return receive(Duration.ofSeconds(5));
    }

    /** The next packet, cast to the expected type (AssertionError with what came instead). */
    public <T extends MqttPacket> T receive(Class<T> type) {
        MqttPacket packet = receive();
        if (!type.isInstance(packet)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but received " + packet);
        }
        return type.cast(packet);
    }

    /** Reads until the server closes the connection (within {@code timeout}); returns the raw bytes it sent meanwhile. */
    public byte[] awaitClose(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (readMore(deadline)) {
            // keep reading until EOF
        }
        return rawReceived.toByteArray();
    }

    /** True when the server has closed the connection (EOF) within {@code timeout}. */
    public boolean isClosedWithin(Duration timeout) {
        try {
            awaitClose(timeout);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Every byte received so far, as hex, for failure messages and byte-exact assertions. */
    public String rawHex() {
        return java.util.HexFormat.of().formatHex(rawReceived.toByteArray());
    }

    /** Every byte received so far. */
    public byte[] rawBytes() {
        return rawReceived.toByteArray();
    }

    /**
     * Decodes the next packet. A PUBLISH gets a payload copied into an untracked heap buffer, so tests need not
     * release what they receive.
     */
    private MqttPacket tryDecode() {
        try {
            MqttPacket packet = decoder.decode(received);
            received.discardSomeReadBytes();
            if (packet instanceof PublishPacket publish) {
                byte[] payload = new byte[publish.payload().readableBytes()];
                publish.payload().getBytes(publish.payload().readerIndex(), payload);
                publish.release();
                return new PublishPacket(
                        publish.dup(),
                        publish.qos(),
                        publish.retainFlag(),
                        publish.topic(),
                        publish.packetId(),
                        publish.properties(),
                        Unpooled.wrappedBuffer(payload));
            }
            return packet;
        } catch (MalformedPacketException e) {
            throw new AssertionError("server sent a malformed packet: " + e + "; bytes: " + rawHex(), e);
        }
    }

    /** Reads what is available; false on EOF; AssertionError at the deadline. */
    private boolean readMore(long deadline) {
        byte[] chunk = new byte[8192];
        while (true) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new AssertionError("nothing more from the server in time; bytes so far: " + rawHex());
            }
            try {
                socket.setSoTimeout((int) Math.min(remainingMillis, Integer.MAX_VALUE));
                int n = in.read(chunk);
                if (n < 0) {
                    return false;
                }
                received.writeBytes(chunk, 0, n);
                rawReceived.write(chunk, 0, n);
                return true;
            } catch (SocketTimeoutException e) {
                // loop: the deadline check above decides
            } catch (IOException e) {
                return false; // reset by peer counts as closed
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket: nothing to do
        } finally {
            received.release();
        }
    }
}
