package dev.tern.mqtt.codec;

import java.util.List;
import java.util.Objects;

/** UNSUBACK (section 3.11). 3.x has no reason codes (the list is empty); 5.0 has one per filter [MQTT-3.11.3-1]. */
public record UnsubAckPacket(int packetId, List<ReasonCode> reasonCodes, MqttProperties properties)
        implements MqttPacket {

    public UnsubAckPacket {
        PacketIds.check(packetId);
        reasonCodes = List.copyOf(reasonCodes);
        Objects.requireNonNull(properties, "properties");
    }

    @Override
    public PacketType type() {
        return PacketType.UNSUBACK;
    }
}
