package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;

/** PUBLISH (section 3.3). */
final class PublishCodec {
    private PublishCodec() {}

    static PublishPacket decode(ByteBuf body, int flags, MqttVersion version, boolean fromClient) {
        boolean dup = (flags & 0x08) != 0;
        int qosValue = (flags >> 1) & 0x03;
        boolean retain = (flags & 0x01) != 0;
        if (qosValue == 3) {
            throw MalformedPacketException.malformed("MQTT-3.3.1-4", "PUBLISH QoS must not be 3");
        }
        if (dup && qosValue == 0) {
            throw MalformedPacketException.malformed("MQTT-3.3.1-2", "DUP must be 0 on a QoS 0 PUBLISH");
        }
        String topic = MqttStrings.readString(body, "Topic Name");
        int packetId = 0;
        if (qosValue > 0) {
            packetId = PacketIdCodec.read(body, "PUBLISH");
        }
        MqttProperties properties = MqttProperties.EMPTY;
        if (version.isV5()) {
            properties = PropertiesCodec.read(body, PropertyScope.PUBLISH);
            if (fromClient && !properties.subscriptionIdentifiers().isEmpty()) {
                throw MalformedPacketException.protocolError(
                        "MQTT-3.3.4-6", "a PUBLISH from a client must not carry a Subscription Identifier");
            }
        }
        if (topic.isEmpty()) {
            // 3.3.2.3.4: a zero-length Topic Name is only allowed with a Topic Alias (5.0).
            if (properties.topicAlias().isEmpty()) {
                throw MalformedPacketException.protocolError(
                        version.isV5() ? "3.3.2.3.4" : "MQTT-4.7.3-1",
                        "PUBLISH needs a Topic Name" + (version.isV5() ? " or a Topic Alias" : ""));
            }
        } else {
            TopicSyntax.checkTopicName(topic);
        }
        ByteBuf payload = body.readRetainedSlice(body.readableBytes());
        return new PublishPacket(dup, MqttQos.of(qosValue), retain, topic, packetId, properties, payload);
    }

    static int flags(PublishPacket packet) {
        return (packet.dup() ? 0x08 : 0) | (packet.qos().value() << 1) | (packet.retainFlag() ? 0x01 : 0);
    }

    /** Size of everything but the payload. */
    static int headerBodySize(PublishPacket packet, MqttVersion version, int propertiesSize) {
        int size = MqttStrings.stringSize(packet.topic());
        if (packet.qos() != MqttQos.AT_MOST_ONCE) {
            size += 2;
        }
        if (version.isV5()) {
            size += VariableByteInteger.size(propertiesSize) + propertiesSize;
        }
        return size;
    }

    static void writeHeaderBody(ByteBuf out, PublishPacket packet, MqttVersion version, int propertiesSize) {
        MqttStrings.writeString(out, packet.topic());
        if (packet.qos() != MqttQos.AT_MOST_ONCE) {
            out.writeShort(packet.packetId());
        }
        if (version.isV5()) {
            PropertiesCodec.write(out, packet.properties(), propertiesSize);
        }
    }
}
