package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;

/** PUBACK, PUBREC, PUBREL and PUBCOMP (sections 3.4 to 3.7): one shape, four packets. */
final class AckCodec {
    private AckCodec() {}

    static MqttPacket decode(ByteBuf body, PacketType type, MqttVersion version) {
        int packetId = PacketIdCodec.read(body, type.name());
        ReasonCode reasonCode = ReasonCode.SUCCESS;
        MqttProperties properties = MqttProperties.EMPTY;
        if (version.isV5()) {
            // 3.4.2.1: with a Remaining Length of 2 the reason code 0x00 is implied; properties may be absent too.
            if (body.isReadable()) {
                reasonCode = ReasonCodes.read(body.readUnsignedByte(), type);
            }
            if (body.isReadable()) {
                properties = PropertiesCodec.read(body, scope(type));
            }
        }
        return switch (type) {
            case PUBACK -> new PubAckPacket(packetId, reasonCode, properties);
            case PUBREC -> new PubRecPacket(packetId, reasonCode, properties);
            case PUBREL -> new PubRelPacket(packetId, reasonCode, properties);
            case PUBCOMP -> new PubCompPacket(packetId, reasonCode, properties);
            default -> throw new IllegalArgumentException(type + " is not a publish acknowledgement");
        };
    }

    private static PropertyScope scope(PacketType type) {
        return switch (type) {
            case PUBACK -> PropertyScope.PUBACK;
            case PUBREC -> PropertyScope.PUBREC;
            case PUBREL -> PropertyScope.PUBREL;
            default -> PropertyScope.PUBCOMP;
        };
    }

    static int bodySize(ReasonCode reasonCode, MqttProperties properties, MqttVersion version, int propertiesSize) {
        if (!version.isV5() || (reasonCode == ReasonCode.SUCCESS && propertiesSize == 0)) {
            return 2;
        }
        if (propertiesSize == 0) {
            return 3;
        }
        return 3 + VariableByteInteger.size(propertiesSize) + propertiesSize;
    }

    static void writeBody(
            ByteBuf out,
            int packetId,
            ReasonCode reasonCode,
            MqttProperties properties,
            MqttVersion version,
            int propertiesSize) {
        out.writeShort(packetId);
        if (!version.isV5() || (reasonCode == ReasonCode.SUCCESS && propertiesSize == 0)) {
            return;
        }
        out.writeByte(reasonCode.value());
        if (propertiesSize > 0) {
            PropertiesCodec.write(out, properties, propertiesSize);
        }
    }
}
