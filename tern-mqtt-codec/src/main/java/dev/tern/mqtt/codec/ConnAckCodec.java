package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;

/** CONNACK (section 3.2). */
final class ConnAckCodec {
    private ConnAckCodec() {}

    static ConnAckPacket decode(ByteBuf body, MqttVersion version) {
        if (body.readableBytes() < 2) {
            throw MalformedPacketException.malformed("3.2.2", "CONNACK is shorter than its variable header");
        }
        int acknowledgeFlags = body.readUnsignedByte();
        // [MQTT-3.2.2-1] bits 7-1 of the Connect Acknowledge Flags are reserved and MUST be 0.
        if ((acknowledgeFlags & 0xFE) != 0) {
            throw MalformedPacketException.malformed("MQTT-3.2.2-1", "CONNACK reserved flags must be 0");
        }
        boolean sessionPresent = (acknowledgeFlags & 0x01) != 0;
        int code = body.readUnsignedByte();
        ReasonCode reasonCode;
        MqttProperties properties = MqttProperties.EMPTY;
        if (version.isV5()) {
            reasonCode = ReasonCodes.read(code, PacketType.CONNACK);
            properties = PropertiesCodec.read(body, PropertyScope.CONNACK);
            ConnectCodec.requireMethodForAuthData(properties);
        } else {
            ConnectReturnCode returnCode = ConnectReturnCode.ofValue(code);
            if (returnCode == null) {
                throw MalformedPacketException.malformed("3.2.2.3", "reserved CONNACK return code " + code);
            }
            if (version == MqttVersion.V3_1 && sessionPresent) {
                throw MalformedPacketException.malformed("3.1:3.2", "MQTT 3.1 has no Session Present flag");
            }
            reasonCode = returnCode.toReasonCode();
        }
        if (sessionPresent && reasonCode.isError()) {
            throw MalformedPacketException.malformed("MQTT-3.2.2-6", "a refusing CONNACK must not set Session Present");
        }
        return new ConnAckPacket(sessionPresent, reasonCode, properties);
    }

    static int bodySize(MqttVersion version, int propertiesSize) {
        return version.isV5() ? 2 + VariableByteInteger.size(propertiesSize) + propertiesSize : 2;
    }

    static void writeBody(ByteBuf out, ConnAckPacket packet, MqttVersion version, int propertiesSize) {
        // MQTT 3.1 has no Session Present flag; the byte is reserved there.
        out.writeByte(packet.sessionPresent() && version != MqttVersion.V3_1 ? 1 : 0);
        if (version.isV5()) {
            out.writeByte(packet.reasonCode().value());
            PropertiesCodec.write(out, packet.properties(), propertiesSize);
        } else {
            out.writeByte(ConnectReturnCode.of(packet.reasonCode()).value());
        }
    }
}
