package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;

/** Packet Identifiers on the wire (section 2.2.1). */
final class PacketIdCodec {
    private PacketIdCodec() {}

    static int read(ByteBuf body, String packetName) {
        if (body.readableBytes() < 2) {
            throw MalformedPacketException.malformed("2.2.1", packetName + " ends before its Packet Identifier");
        }
        int packetId = body.readUnsignedShort();
        // [MQTT-2.2.1-3] packets that carry a Packet Identifier MUST carry a non-zero one.
        if (packetId == 0) {
            throw MalformedPacketException.malformed("MQTT-2.2.1-3", packetName + " Packet Identifier must not be 0");
        }
        return packetId;
    }
}
