package dev.tern.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.testkit.RawMqttClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A {@link RawMqttClient} that also knows where each received packet starts and ends in the byte stream, so that a test
 * can assert the exact bytes of one packet (the DUP bit of a redelivery, the reason code byte of a DISCONNECT) and the
 * exact bytes a server sent before it closed the connection.
 */
final class Wire implements AutoCloseable {
    /** How long a test waits for something that must arrive. */
    static final Duration WAIT = Duration.ofSeconds(5);
    /** How long a test listens to be sure that something does not arrive (the broker answers in milliseconds). */
    static final Duration QUIET = Duration.ofMillis(400);

    private static final HexFormat HEX = HexFormat.of();

    private final RawMqttClient raw;
    private final MqttVersion version;
    /** Bytes of the stream already returned as packets. */
    private int consumed;

    /** A received packet with its exact bytes on the wire. */
    record Frame(MqttPacket packet, byte[] bytes) {
        String hex() {
            return HEX.formatHex(bytes);
        }

        int firstByte() {
            return bytes[0] & 0xFF;
        }
    }

    private Wire(RawMqttClient raw, MqttVersion version) {
        this.raw = raw;
        this.version = version;
    }

    /** A TCP connection to the broker; nothing sent yet. */
    static Wire open(int port, MqttVersion version) {
        return new Wire(RawMqttClient.open(port, version), version);
    }

    /** Connects with {@code connect} and asserts a successful CONNACK, which is returned. */
    static Wire connect(int port, ConnectPacket connect) {
        Wire wire = open(port, connect.version());
        ConnAckPacket connAck = wire.send(connect).receive(ConnAckPacket.class);
        assertThat(connAck.reasonCode())
                .as("CONNACK for %s", connect.clientId())
                .isEqualTo(ReasonCode.SUCCESS);
        return wire;
    }

    /** Connects a clean session with {@code clientId} (keep alive 60 s) and asserts success. */
    static Wire connect(int port, MqttVersion version, String clientId) {
        return connect(port, Packets.connect(version, clientId));
    }

    MqttVersion version() {
        return version;
    }

    Wire send(MqttPacket packet) {
        raw.send(packet);
        return this;
    }

    Wire sendBytes(int... bytes) {
        raw.sendBytes(bytes);
        return this;
    }

    Wire sendBytes(byte[] bytes) {
        raw.sendBytes(bytes);
        return this;
    }

    /** The next packet with its bytes. */
    Frame frame() {
        return frame(WAIT);
    }

    Frame frame(Duration timeout) {
        MqttPacket packet = raw.receive(timeout);
        int size = MqttEncoder.encodedSize(packet, version);
        byte[] all = raw.rawBytes();
        byte[] bytes = Arrays.copyOfRange(all, consumed, consumed + size);
        consumed += size;
        return new Frame(packet, bytes);
    }

    MqttPacket receive() {
        return frame().packet();
    }

    <T extends MqttPacket> T receive(Class<T> type) {
        MqttPacket packet = receive();
        assertThat(packet).as("next packet from the server").isInstanceOf(type);
        return type.cast(packet);
    }

    /** The next packet's bytes as hex, e.g. {@code "20020000"}. */
    String receiveHex() {
        return frame().hex();
    }

    /**
     * The next {@code count} packets, which must be QoS 0 or 1 PUBLISHes (each QoS 1 one is acknowledged), and then
     * nothing for {@link #QUIET}: an exact count without depending on how fast the server is.
     */
    java.util.List<PublishPacket> receivePublishes(int count) {
        java.util.List<PublishPacket> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            PublishPacket publish = receive(PublishPacket.class);
            assertThat(publish.qos()).as("use QoS 0 or 1 here").isNotEqualTo(MqttQos.EXACTLY_ONCE);
            if (publish.qos() == MqttQos.AT_LEAST_ONCE) {
                send(PubAckPacket.of(publish.packetId()));
            }
            out.add(publish);
        }
        expectNothing();
        return out;
    }

    /** Asserts that no packet arrives within {@link #QUIET} and that the connection stays open. */
    void expectNothing() {
        expectNothing(QUIET);
    }

    void expectNothing(Duration duration) {
        Frame unexpected = null;
        String closed = null;
        try {
            unexpected = frame(duration);
        } catch (AssertionError e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("connection closed")) {
                closed = message;
            } else if (!message.startsWith("nothing more from the server")) {
                throw e;
            }
        }
        assertThat(unexpected).as("a packet that should not have been sent").isNull();
        assertThat(closed).as("the connection should have stayed open").isNull();
    }

    /**
     * Asserts what a 5.0 server sends when it ends a connection: DISCONNECT ({@code e0}, remaining length, then {@code
     * reasonCode}), without a Session Expiry Interval [MQTT-3.14.2-2], then the close with nothing after it
     * [MQTT-3.14.4-1] [MQTT-3.14.4-2]. A Reason String may follow the code; it is server-chosen text.
     */
    DisconnectPacket expectDisconnect(int reasonCode) {
        Frame frame = frame();
        assertThat(frame.packet())
                .as("DISCONNECT expected, bytes %s", frame.hex())
                .isInstanceOf(DisconnectPacket.class);
        assertThat(frame.firstByte()).isEqualTo(0xE0);
        assertThat(frame.bytes()[2] & 0xFF).as("reason code in %s", frame.hex()).isEqualTo(reasonCode);
        DisconnectPacket disconnect = (DisconnectPacket) frame.packet();
        assertThat(disconnect.properties().sessionExpiryInterval()).isEmpty();
        assertThat(awaitCloseHex())
                .as("nothing after DISCONNECT, then the close")
                .isEmpty();
        return disconnect;
    }

    /**
     * Waits until the server closes the connection and returns, as hex, what it sent after the last packet read: {@code
     * ""} for a plain close, {@code "e0018d"} for a DISCONNECT before the close.
     */
    String awaitCloseHex() {
        return HEX.formatHex(awaitClose(WAIT));
    }

    byte[] awaitClose(Duration timeout) {
        byte[] all = raw.awaitClose(timeout);
        byte[] rest = Arrays.copyOfRange(all, consumed, all.length);
        consumed = all.length;
        return rest;
    }

    /** Whether the server closes the connection within {@code timeout}. */
    boolean isClosedWithin(Duration timeout) {
        return raw.isClosedWithin(timeout);
    }

    /** Everything received on this connection so far. */
    String rawHex() {
        return raw.rawHex();
    }

    @Override
    public void close() {
        raw.close();
    }
}
