package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** UNSUBSCRIBE (section 3.10) and UNSUBACK (3.11). */
final class UnsubscribeCodec {
    private UnsubscribeCodec() {}

    static UnsubscribePacket decode(ByteBuf body, MqttVersion version) {
        int packetId = PacketIdCodec.read(body, "UNSUBSCRIBE");
        MqttProperties properties =
                version.isV5() ? PropertiesCodec.read(body, PropertyScope.UNSUBSCRIBE) : MqttProperties.EMPTY;
        List<String> filters = new ArrayList<>();
        while (body.isReadable()) {
            String filter = MqttStrings.readString(body, "Topic Filter");
            TopicSyntax.checkTopicFilter(filter);
            filters.add(filter);
        }
        if (filters.isEmpty()) {
            throw MalformedPacketException.protocolError("MQTT-3.10.3-2", "UNSUBSCRIBE must contain a Topic Filter");
        }
        return new UnsubscribePacket(packetId, filters, properties);
    }

    static int bodySize(UnsubscribePacket packet, MqttVersion version, int propertiesSize) {
        int size = 2;
        if (version.isV5()) {
            size += VariableByteInteger.size(propertiesSize) + propertiesSize;
        }
        for (String filter : packet.topicFilters()) {
            size += MqttStrings.stringSize(filter);
        }
        return size;
    }

    static void writeBody(ByteBuf out, UnsubscribePacket packet, MqttVersion version, int propertiesSize) {
        out.writeShort(packet.packetId());
        if (version.isV5()) {
            PropertiesCodec.write(out, packet.properties(), propertiesSize);
        }
        for (String filter : packet.topicFilters()) {
            MqttStrings.writeString(out, filter);
        }
    }

    static UnsubAckPacket decodeAck(ByteBuf body, MqttVersion version) {
        int packetId = PacketIdCodec.read(body, "UNSUBACK");
        if (!version.isV5()) {
            return new UnsubAckPacket(packetId, List.of(), MqttProperties.EMPTY);
        }
        MqttProperties properties = PropertiesCodec.read(body, PropertyScope.UNSUBACK);
        List<ReasonCode> codes = new ArrayList<>(body.readableBytes());
        while (body.isReadable()) {
            codes.add(ReasonCodes.read(body.readUnsignedByte(), PacketType.UNSUBACK));
        }
        if (codes.isEmpty()) {
            throw MalformedPacketException.protocolError(
                    "MQTT-3.11.3-1", "UNSUBACK must carry a reason code per filter");
        }
        return new UnsubAckPacket(packetId, codes, properties);
    }

    static int ackBodySize(UnsubAckPacket packet, MqttVersion version, int propertiesSize) {
        if (!version.isV5()) {
            return 2;
        }
        return 2
                + VariableByteInteger.size(propertiesSize)
                + propertiesSize
                + packet.reasonCodes().size();
    }

    static void writeAckBody(ByteBuf out, UnsubAckPacket packet, MqttVersion version, int propertiesSize) {
        out.writeShort(packet.packetId());
        if (!version.isV5()) {
            return;
        }
        PropertiesCodec.write(out, packet.properties(), propertiesSize);
        for (ReasonCode code : packet.reasonCodes()) {
            out.writeByte(code.value());
        }
    }
}
