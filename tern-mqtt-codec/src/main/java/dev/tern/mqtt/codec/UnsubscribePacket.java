package dev.tern.mqtt.codec;

import java.util.List;
import java.util.Objects;

/** UNSUBSCRIBE (section 3.10): at least one topic filter [MQTT-3.10.3-2]. */
public record UnsubscribePacket(int packetId, List<String> topicFilters, MqttProperties properties)
        implements MqttPacket {

    public UnsubscribePacket {
        PacketIds.check(packetId);
        topicFilters = List.copyOf(topicFilters);
        Objects.requireNonNull(properties, "properties");
        if (topicFilters.isEmpty()) {
            throw new IllegalArgumentException("UNSUBSCRIBE needs at least one topic filter [MQTT-3.10.3-2]");
        }
    }

    @Override
    public PacketType type() {
        return PacketType.UNSUBSCRIBE;
    }
}
