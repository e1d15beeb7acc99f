package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;

/** DISCONNECT (section 3.14) and AUTH (3.15): a reason code and properties, both omittable when trivial. */
final class DisconnectCodec {
    private DisconnectCodec() {}

    static DisconnectPacket decodeDisconnect(ByteBuf body, MqttVersion version, boolean fromClient) {
        if (!version.isV5() || !body.isReadable()) {
            // 3.x DISCONNECT has no variable header; the caller checks that nothing follows.
            return DisconnectPacket.NORMAL;
        }
        ReasonCode reasonCode = ReasonCodes.read(body.readUnsignedByte(), PacketType.DISCONNECT);
        MqttProperties properties =
                body.isReadable() ? PropertiesCodec.read(body, PropertyScope.DISCONNECT) : MqttProperties.EMPTY;
        if (!fromClient && properties.sessionExpiryInterval().isPresent()) {
            throw MalformedPacketException.protocolError(
                    "MQTT-3.14.2-2", "a server must not send Session Expiry Interval in DISCONNECT");
        }
        return new DisconnectPacket(reasonCode, properties);
    }

    static AuthPacket decodeAuth(ByteBuf body) {
        if (!body.isReadable()) {
            // 3.15.2.1: Remaining Length 0 means Success with no properties.
            return new AuthPacket(ReasonCode.SUCCESS, MqttProperties.EMPTY);
        }
        ReasonCode reasonCode = ReasonCodes.read(body.readUnsignedByte(), PacketType.AUTH);
        MqttProperties properties =
                body.isReadable() ? PropertiesCodec.read(body, PropertyScope.AUTH) : MqttProperties.EMPTY;
        ConnectCodec.requireMethodForAuthData(properties);
        return new AuthPacket(reasonCode, properties);
    }

    static int bodySize(ReasonCode reasonCode, MqttVersion version, int propertiesSize) {
        if (!version.isV5() || (reasonCode == ReasonCode.SUCCESS && propertiesSize == 0)) {
            return 0;
        }
        return propertiesSize == 0 ? 1 : 1 + VariableByteInteger.size(propertiesSize) + propertiesSize;
    }

    static void writeBody(
            ByteBuf out, ReasonCode reasonCode, MqttProperties properties, MqttVersion version, int propertiesSize) {
        if (!version.isV5() || (reasonCode == ReasonCode.SUCCESS && propertiesSize == 0)) {
            return;
        }
        out.writeByte(reasonCode.value());
        if (propertiesSize > 0) {
            PropertiesCodec.write(out, properties, propertiesSize);
        }
    }
}
