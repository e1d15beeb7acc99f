package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * Decodes one connection's inbound byte stream into packets. Stateful per connection: it learns the protocol version
 * from CONNECT (server side) and enforces that CONNECT comes first and only once [MQTT-3.1.0-1] [MQTT-3.1.0-2].
 *
 * <p>Framing and limits come first: the fixed header is read without consuming anything, the announced size is checked
 * against the maximum packet size, and only then does the caller buffer the body. A client announcing 256 MB is
 * refused after at most five bytes.
 *
 * <p>Not thread-safe: one decoder belongs to one connection's event loop.
 */
public final class MqttDecoder {
    private final boolean serverSide;
    private final int maximumPacketSize;
    private MqttVersion version;
    private boolean failed;

    private MqttDecoder(boolean serverSide, MqttVersion version, int maximumPacketSize) {
        if (maximumPacketSize < 2) {
            throw new IllegalArgumentException("maximum packet size must allow at least a fixed header");
        }
        this.serverSide = serverSide;
        this.version = version;
        this.maximumPacketSize = maximumPacketSize;
    }

    /** A decoder for what clients send to a server; the version comes from the CONNECT it will read first. */
    public static MqttDecoder forServer(int maximumPacketSize) {
        return new MqttDecoder(true, null, maximumPacketSize);
    }

    /** A decoder for what a server sends to a client that connected with {@code version}. */
    public static MqttDecoder forClient(MqttVersion version, int maximumPacketSize) {
        return new MqttDecoder(false, java.util.Objects.requireNonNull(version), maximumPacketSize);
    }

    /** The protocol version, once known (server side: after the protocol level of CONNECT has been read). */
    public Optional<MqttVersion> version() {
        return Optional.ofNullable(version);
    }

    /**
     * Decodes the next packet if {@code in} holds all of it, consuming exactly its bytes; returns {@code null} and
     * consumes nothing when more bytes are needed.
     *
     * @throws MalformedPacketException for any violation; the decoder is then unusable, as the connection must close.
     */
    public MqttPacket decode(ByteBuf in) {
        if (failed) {
            throw new IllegalStateException("decoder already failed; the connection must be closed");
        }
        try {
            return decodeFrame(in);
        } catch (MalformedPacketException e) {
            failed = true;
            throw e;
        }
    }

    private MqttPacket decodeFrame(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() < 2) {
            return null;
        }
        int firstByte = in.getUnsignedByte(start);
        PacketType type = PacketType.ofCode(firstByte >> 4);
        int flags = firstByte & 0x0F;
        checkType(type);
        // [MQTT-2.1.3-1] reserved flag bits MUST be set to the values the packet type requires; checked, like the
        // size below, before the body is buffered.
        if (type.requiredFlags() >= 0 && flags != type.requiredFlags()) {
            throw MalformedPacketException.malformed(
                    "MQTT-2.1.3-1",
                    String.format("%s fixed-header flags must be 0x%X, were 0x%X", type, type.requiredFlags(), flags));
        }

        long header = VariableByteInteger.peek(in, start + 1);
        if (header == VariableByteInteger.INCOMPLETE) {
            return null;
        }
        int remainingLength = (int) header;
        int headerLength = 1 + (int) (header >>> 32);
        long packetSize = (long) headerLength + remainingLength;
        if (packetSize > maximumPacketSize) {
            // Checked before buffering the body: nothing of the announced size is ever allocated. The peer broke
            // [MQTT-3.2.2-15] (a client must not exceed the server's maximum) or [MQTT-3.1.2-24] (the reverse).
            throw MalformedPacketException.withReason(
                    ReasonCode.PACKET_TOO_LARGE,
                    serverSide ? "MQTT-3.2.2-15" : "MQTT-3.1.2-24",
                    type + " of " + packetSize + " bytes exceeds the maximum packet size of " + maximumPacketSize);
        }
        if (in.readableBytes() < packetSize) {
            return null;
        }
        ByteBuf body = in.slice(start + headerLength, remainingLength);
        in.readerIndex(start + headerLength + remainingLength);
        MqttPacket packet = decodeBody(type, flags, body);
        if (body.isReadable()) {
            if (packet instanceof PublishPacket publish) {
                publish.release();
            }
            throw MalformedPacketException.malformed(
                    "1.5",
                    type + " has " + body.readableBytes() + " bytes beyond its content (Remaining Length mismatch)");
        }
        return packet;
    }

    private void checkType(PacketType type) {
        if (type == null) {
            throw MalformedPacketException.malformed("2.1.2", "packet type 0 is reserved");
        }
        if (serverSide && version == null && type != PacketType.CONNECT) {
            throw MalformedPacketException.protocolError(
                    "MQTT-3.1.0-1", "the first packet must be CONNECT, was " + type);
        }
        if (type == PacketType.AUTH && version != null && !version.isV5()) {
            throw MalformedPacketException.malformed("2.1.2", "packet type 15 (AUTH) is reserved before MQTT 5");
        }
        boolean allowed = serverSide ? sentByClients(type) : sentByServers(type);
        if (!allowed) {
            throw MalformedPacketException.protocolError(
                    "2.1.2", type + " is not sent by a " + (serverSide ? "client" : "server"));
        }
    }

    private boolean sentByClients(PacketType type) {
        return switch (type) {
            case CONNECT, PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT, AUTH ->
                true;
            case CONNACK, SUBACK, UNSUBACK, PINGRESP -> false;
        };
    }

    private boolean sentByServers(PacketType type) {
        return switch (type) {
            case CONNACK, PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, PINGRESP, AUTH -> true;
            // 3.x servers never send DISCONNECT; 5.0 servers may.
            case DISCONNECT -> version.isV5();
            case CONNECT, SUBSCRIBE, UNSUBSCRIBE, PINGREQ -> false;
        };
    }

    private MqttPacket decodeBody(PacketType type, int flags, ByteBuf body) {
        return switch (type) {
            case CONNECT -> decodeConnect(body);
            case CONNACK -> ConnAckCodec.decode(body, version);
            case PUBLISH -> PublishCodec.decode(body, flags, version, serverSide);
            case PUBACK, PUBREC, PUBREL, PUBCOMP -> AckCodec.decode(body, type, version);
            case SUBSCRIBE -> SubscribeCodec.decode(body, version);
            case SUBACK -> SubscribeCodec.decodeAck(body, version);
            case UNSUBSCRIBE -> UnsubscribeCodec.decode(body, version);
            case UNSUBACK -> UnsubscribeCodec.decodeAck(body, version);
            case PINGREQ -> PingReqPacket.INSTANCE;
            case PINGRESP -> PingRespPacket.INSTANCE;
            case DISCONNECT -> DisconnectCodec.decodeDisconnect(body, version, serverSide);
            case AUTH -> DisconnectCodec.decodeAuth(body);
        };
    }

    private ConnectPacket decodeConnect(ByteBuf body) {
        if (version != null) {
            throw MalformedPacketException.protocolError("MQTT-3.1.0-2", "a second CONNECT on one connection");
        }
        // The version is known from here on, so that an error later in this CONNECT is answered the 5.0 way or the
        // 3.x way as the client expects.
        version = ConnectCodec.readVersion(body);
        return ConnectCodec.decodeAfterVersion(body, version);
    }
}
