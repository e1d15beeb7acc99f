package dev.tern.mqtt.codec;

import java.util.List;
import java.util.Objects;

/** SUBSCRIBE (section 3.8): at least one subscription [MQTT-3.8.3-3]. */
public record SubscribePacket(int packetId, List<Subscription> subscriptions, MqttProperties properties)
        implements MqttPacket {

    public SubscribePacket {
        PacketIds.check(packetId);
        subscriptions = List.copyOf(subscriptions);
        Objects.requireNonNull(properties, "properties");
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("SUBSCRIBE needs at least one topic filter [MQTT-3.8.3-3]");
        }
    }

    @Override
    public PacketType type() {
        return PacketType.SUBSCRIBE;
    }
}
