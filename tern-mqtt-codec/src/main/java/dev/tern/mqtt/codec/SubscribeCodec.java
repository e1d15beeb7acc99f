package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** SUBSCRIBE (section 3.8) and SUBACK (3.9). */
final class SubscribeCodec {
    private SubscribeCodec() {}

    static SubscribePacket decode(ByteBuf body, MqttVersion version) {
        int packetId = PacketIdCodec.read(body, "SUBSCRIBE");
        MqttProperties properties =
                version.isV5() ? PropertiesCodec.read(body, PropertyScope.SUBSCRIBE) : MqttProperties.EMPTY;
        List<Subscription> subscriptions = new ArrayList<>();
        while (body.isReadable()) {
            String filter = MqttStrings.readString(body, "Topic Filter");
            if (!body.isReadable()) {
                throw MalformedPacketException.malformed("3.8.3", "Topic Filter without its options byte");
            }
            SubscriptionOptions options = readOptions(body.readUnsignedByte(), version);
            TopicSyntax.checkTopicFilter(filter);
            if (options.noLocal() && TopicSyntax.isShared(filter)) {
                throw MalformedPacketException.protocolError(
                        "MQTT-3.8.3-4", "No Local must not be set on a shared subscription: " + filter);
            }
            subscriptions.add(new Subscription(filter, options));
        }
        if (subscriptions.isEmpty()) {
            throw MalformedPacketException.protocolError("MQTT-3.8.3-3", "SUBSCRIBE must contain a Topic Filter");
        }
        return new SubscribePacket(packetId, subscriptions, properties);
    }

    private static SubscriptionOptions readOptions(int options, MqttVersion version) {
        int qos = options & 0x03;
        if (!version.isV5()) {
            // [MQTT-3-8.3-4] (3.1.1) bits 7-2 of the Requested QoS byte are reserved and MUST be 0.
            if ((options & 0xFC) != 0) {
                throw MalformedPacketException.malformed("MQTT-3-8.3-4", "reserved bits of Requested QoS must be 0");
            }
        } else if ((options & 0xC0) != 0) {
            // [MQTT-3.8.3-5] reserved bits 7-6 of Subscription Options MUST be 0.
            throw MalformedPacketException.malformed("MQTT-3.8.3-5", "reserved Subscription Options bits must be 0");
        }
        if (qos == 3) {
            // 5.0 section 3.8.3.1: "It is a Protocol Error if the Maximum QoS field has the value 3"; 3.1.1 treats a
            // QoS other than 0, 1 or 2 as malformed [MQTT-3-8.3-4].
            throw version.isV5()
                    ? MalformedPacketException.protocolError("3.8.3.1", "Maximum QoS must not be 3")
                    : MalformedPacketException.malformed("MQTT-3-8.3-4", "Requested QoS must not be 3");
        }
        int retainHandling = (options >> 4) & 0x03;
        if (retainHandling == 3) {
            throw MalformedPacketException.protocolError("3.8.3.1", "Retain Handling must not be 3");
        }
        return new SubscriptionOptions(
                MqttQos.of(qos), (options & 0x04) != 0, (options & 0x08) != 0, RetainHandling.values()[retainHandling]);
    }

    static int optionsByte(SubscriptionOptions options, MqttVersion version) {
        int value = options.maximumQos().value();
        if (version.isV5()) {
            value |= (options.noLocal() ? 0x04 : 0)
                    | (options.retainAsPublished() ? 0x08 : 0)
                    | (options.retainHandling().value() << 4);
        }
        return value;
    }

    static int bodySize(SubscribePacket packet, MqttVersion version, int propertiesSize) {
        int size = 2;
        if (version.isV5()) {
            size += VariableByteInteger.size(propertiesSize) + propertiesSize;
        }
        for (Subscription subscription : packet.subscriptions()) {
            size += MqttStrings.stringSize(subscription.topicFilter()) + 1;
        }
        return size;
    }

    static void writeBody(ByteBuf out, SubscribePacket packet, MqttVersion version, int propertiesSize) {
        out.writeShort(packet.packetId());
        if (version.isV5()) {
            PropertiesCodec.write(out, packet.properties(), propertiesSize);
        }
        for (Subscription subscription : packet.subscriptions()) {
            MqttStrings.writeString(out, subscription.topicFilter());
            out.writeByte(optionsByte(subscription.options(), version));
        }
    }

    static SubAckPacket decodeAck(ByteBuf body, MqttVersion version) {
        int packetId = PacketIdCodec.read(body, "SUBACK");
        MqttProperties properties =
                version.isV5() ? PropertiesCodec.read(body, PropertyScope.SUBACK) : MqttProperties.EMPTY;
        List<ReasonCode> codes = new ArrayList<>(body.readableBytes());
        while (body.isReadable()) {
            int value = body.readUnsignedByte();
            codes.add(version.isV5() ? ReasonCodes.read(value, PacketType.SUBACK) : v3ReturnCode(value));
        }
        if (codes.isEmpty()) {
            throw MalformedPacketException.protocolError("MQTT-3.9.3-1", "SUBACK must carry a return code per filter");
        }
        return new SubAckPacket(packetId, codes, properties);
    }

    private static ReasonCode v3ReturnCode(int value) {
        return switch (value) {
            case 0x00 -> ReasonCode.SUCCESS;
            case 0x01 -> ReasonCode.GRANTED_QOS_1;
            case 0x02 -> ReasonCode.GRANTED_QOS_2;
            case 0x80 -> ReasonCode.UNSPECIFIED_ERROR;
            default ->
                throw MalformedPacketException.malformed(
                        "MQTT-3.9.3-2", String.format("SUBACK return code 0x%02X is reserved", value));
        };
    }

    /** 3.x knows granted QoS 0..2 and failure 0x80; every 5.0 error becomes 0x80. */
    static int v3ReturnCodeValue(ReasonCode code) {
        return switch (code) {
            case SUCCESS -> 0x00;
            case GRANTED_QOS_1 -> 0x01;
            case GRANTED_QOS_2 -> 0x02;
            default -> 0x80;
        };
    }

    static int ackBodySize(SubAckPacket packet, MqttVersion version, int propertiesSize) {
        int size = 2 + packet.reasonCodes().size();
        if (version.isV5()) {
            size += VariableByteInteger.size(propertiesSize) + propertiesSize;
        }
        return size;
    }

    static void writeAckBody(ByteBuf out, SubAckPacket packet, MqttVersion version, int propertiesSize) {
        out.writeShort(packet.packetId());
        if (version.isV5()) {
            PropertiesCodec.write(out, packet.properties(), propertiesSize);
        }
        for (ReasonCode code : packet.reasonCodes()) {
            out.writeByte(version.isV5() ? code.value() : v3ReturnCodeValue(code));
        }
    }
}
