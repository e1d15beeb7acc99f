package dev.tern.mqtt.codec;

import java.util.List;
import java.util.Objects;

/**
 * SUBACK (section 3.9): one reason code per requested filter, in order [MQTT-3.9.3-1]. For 3.x the codes are granted
 * QoS 0..2, and any error encodes as the 3.1.1 failure code 0x80.
 */
public record SubAckPacket(int packetId, List<ReasonCode> reasonCodes, MqttProperties properties)
        implements MqttPacket {

    public SubAckPacket {
        PacketIds.check(packetId);
        reasonCodes = List.copyOf(reasonCodes);
        Objects.requireNonNull(properties, "properties");
        if (reasonCodes.isEmpty()) {
            throw new IllegalArgumentException("SUBACK carries one reason code per topic filter");
        }
    }

    @Override
    public PacketType type() {
        return PacketType.SUBACK;
    }
}
