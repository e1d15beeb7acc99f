package dev.tern.mqtt.codec;

/**
 * One MQTT control packet. The set is closed: a {@code switch} over it without {@code default} breaks at compile time
 * wherever a new packet type is not handled.
 */
public sealed interface MqttPacket
        permits ConnectPacket,
                ConnAckPacket,
                PublishPacket,
                PubAckPacket,
                PubRecPacket,
                PubRelPacket,
                PubCompPacket,
                SubscribePacket,
                SubAckPacket,
                UnsubscribePacket,
                UnsubAckPacket,
                PingReqPacket,
                PingRespPacket,
                DisconnectPacket,
                AuthPacket {

    PacketType type();
}
