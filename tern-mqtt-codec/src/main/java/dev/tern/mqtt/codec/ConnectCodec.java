package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/** CONNECT (section 3.1) in all three versions. */
final class ConnectCodec {
    private static final int FLAG_RESERVED = 0x01;
    private static final int FLAG_CLEAN_START = 0x02;
    private static final int FLAG_WILL = 0x04;
    private static final int FLAG_WILL_RETAIN = 0x20;
    private static final int FLAG_PASSWORD = 0x40;
    private static final int FLAG_USERNAME = 0x80;

    private ConnectCodec() {}

    /** Reads protocol name and level, the part that decides which version's rules apply to the rest. */
    static MqttVersion readVersion(ByteBuf body) {
        String name = MqttStrings.readString(body, "Protocol Name");
        if (!body.isReadable()) {
            throw MalformedPacketException.malformed("3.1.2.2", "CONNECT ends before the Protocol Level");
        }
        int level = body.readUnsignedByte();
        if (!name.equals("MQTT") && !name.equals("MQIsdp")) {
            // [MQTT-3.1.2-1] an incorrect protocol name: the server may close without CONNACK, and does.
            throw MalformedPacketException.withReason(
                    ReasonCode.UNSUPPORTED_PROTOCOL_VERSION, "MQTT-3.1.2-1", "unknown protocol name '" + name + "'");
        }
        for (MqttVersion version : MqttVersion.values()) {
            if (version.level() == level && version.protocolName().equals(name)) {
                return version;
            }
        }
        // [MQTT-3.1.2-2] an unsupported level is answered with CONNACK return code 0x01 and a close.
        throw MalformedPacketException.connectRefused(
                ReasonCode.UNSUPPORTED_PROTOCOL_VERSION,
                ConnectReturnCode.UNACCEPTABLE_PROTOCOL_VERSION,
                "MQTT-3.1.2-2",
                "unsupported protocol '" + name + "' level " + level);
    }

    /** Reads the rest of CONNECT once {@link #readVersion} has told which rules apply. */
    static ConnectPacket decodeAfterVersion(ByteBuf body, MqttVersion version) {
        if (body.readableBytes() < 3) {
            throw MalformedPacketException.malformed("3.1.2", "CONNECT ends inside its variable header");
        }
        int flags = body.readUnsignedByte();
        if ((flags & FLAG_RESERVED) != 0) {
            throw MalformedPacketException.malformed("MQTT-3.1.2-3", "CONNECT reserved flag must be 0");
        }
        boolean cleanStart = (flags & FLAG_CLEAN_START) != 0;
        boolean willFlag = (flags & FLAG_WILL) != 0;
        int willQos = (flags >> 3) & 0x03;
        boolean willRetain = (flags & FLAG_WILL_RETAIN) != 0;
        boolean passwordFlag = (flags & FLAG_PASSWORD) != 0;
        boolean usernameFlag = (flags & FLAG_USERNAME) != 0;
        if (willQos == 3) {
            throw MalformedPacketException.malformed("MQTT-3.1.2-14", "Will QoS must not be 3");
        }
        if (!willFlag && willQos != 0) {
            throw MalformedPacketException.malformed("MQTT-3.1.2-13", "Will QoS must be 0 when the Will Flag is 0");
        }
        if (!willFlag && willRetain) {
            throw MalformedPacketException.malformed("MQTT-3.1.2-15", "Will Retain must be 0 when the Will Flag is 0");
        }
        if (!version.isV5() && passwordFlag && !usernameFlag) {
            throw MalformedPacketException.malformed(
                    "MQTT-3.1.2-22", "a password without a user name is not allowed before MQTT 5");
        }
        int keepAlive = body.readUnsignedShort();
        MqttProperties properties = MqttProperties.EMPTY;
        if (version.isV5()) {
            properties = PropertiesCodec.read(body, PropertyScope.CONNECT);
            requireMethodForAuthData(properties);
        }

        String clientId = MqttStrings.readString(body, "Client Identifier");
        checkClientId(version, clientId, cleanStart);

        Optional<Will> will = Optional.empty();
        if (willFlag) {
            MqttProperties willProperties =
                    version.isV5() ? PropertiesCodec.read(body, PropertyScope.WILL) : MqttProperties.EMPTY;
            String topic = MqttStrings.readString(body, "Will Topic");
            TopicSyntax.checkTopicName(topic);
            BinaryData payload = MqttStrings.readBinary(body, "Will Payload");
            will = Optional.of(new Will(topic, payload, MqttQos.of(willQos), willRetain, willProperties));
        }
        Optional<String> username =
                usernameFlag ? Optional.of(MqttStrings.readString(body, "User Name")) : Optional.empty();
        Optional<BinaryData> password =
                passwordFlag ? Optional.of(MqttStrings.readBinary(body, "Password")) : Optional.empty();
        return new ConnectPacket(version, clientId, cleanStart, keepAlive, will, username, password, properties);
    }

    /** [MQTT-3.1.2.11.10] / 3.2.2.3.17 / 3.15.2.2.3: Authentication Data without a method is a Protocol Error. */
    static void requireMethodForAuthData(MqttProperties properties) {
        if (properties.contains(PropertyId.AUTHENTICATION_DATA)
                && !properties.contains(PropertyId.AUTHENTICATION_METHOD)) {
            throw MalformedPacketException.protocolError(
                    "3.1.2.11.10", "Authentication Data without an Authentication Method");
        }
    }

    private static void checkClientId(MqttVersion version, String clientId, boolean cleanStart) {
        if (!clientId.isEmpty()) {
            return;
        }
        switch (version) {
            case V3_1 ->
                // MQTT 3.1 section 3.1: the Client Identifier MUST be between 1 and 23 characters long.
                throw MalformedPacketException.connectRefused(
                        ReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                        ConnectReturnCode.IDENTIFIER_REJECTED,
                        "MQTT-3.1:3.1",
                        "MQTT 3.1 requires a Client Identifier");
            case V3_1_1 -> {
                // [MQTT-3.1.3-8] a zero-byte ClientId with CleanSession 0 is refused with return code 0x02.
                if (!cleanStart) {
                    throw MalformedPacketException.connectRefused(
                            ReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                            ConnectReturnCode.IDENTIFIER_REJECTED,
                            "MQTT-3.1.3-8",
                            "an empty Client Identifier needs Clean Session 1");
                }
            }
            case V5 -> {
                // [MQTT-3.1.3-6] the server assigns an identifier to an empty one, whatever Clean Start says.
            }
        }
    }

    static int bodySize(ConnectPacket packet, int propertiesSize, int willPropertiesSize) {
        MqttVersion version = packet.version();
        int size = MqttStrings.stringSize(version.protocolName()) + 1 + 1 + 2;
        if (version.isV5()) {
            size += VariableByteInteger.size(propertiesSize) + propertiesSize;
        }
        size += MqttStrings.stringSize(packet.clientId());
        if (packet.will().isPresent()) {
            Will will = packet.will().get();
            if (version.isV5()) {
                size += VariableByteInteger.size(willPropertiesSize) + willPropertiesSize;
            }
            size += MqttStrings.stringSize(will.topic()) + 2 + will.payload().length();
        }
        if (packet.username().isPresent()) {
            size += MqttStrings.stringSize(packet.username().get());
        }
        if (packet.password().isPresent()) {
            size += 2 + packet.password().get().length();
        }
        return size;
    }

    static void writeBody(ByteBuf out, ConnectPacket packet, int propertiesSize, int willPropertiesSize) {
        MqttVersion version = packet.version();
        MqttStrings.writeString(out, version.protocolName());
        out.writeByte(version.level());
        int flags = 0;
        if (packet.cleanStart()) {
            flags |= FLAG_CLEAN_START;
        }
        if (packet.will().isPresent()) {
            Will will = packet.will().get();
            flags |= FLAG_WILL | (will.qos().value() << 3);
            if (will.retain()) {
                flags |= FLAG_WILL_RETAIN;
            }
        }
        if (packet.password().isPresent()) {
            flags |= FLAG_PASSWORD;
        }
        if (packet.username().isPresent()) {
            flags |= FLAG_USERNAME;
        }
        out.writeByte(flags);
        out.writeShort(packet.keepAliveSeconds());
        if (version.isV5()) {
            PropertiesCodec.write(out, packet.properties(), propertiesSize);
        }
        MqttStrings.writeString(out, packet.clientId());
        if (packet.will().isPresent()) {
            Will will = packet.will().get();
            if (version.isV5()) {
                PropertiesCodec.write(out, will.properties(), willPropertiesSize);
            }
            MqttStrings.writeString(out, will.topic());
            MqttStrings.writeBinary(out, will.payload());
        }
        packet.username().ifPresent(username -> MqttStrings.writeString(out, username));
        packet.password().ifPresent(password -> MqttStrings.writeBinary(out, password));
    }
}
