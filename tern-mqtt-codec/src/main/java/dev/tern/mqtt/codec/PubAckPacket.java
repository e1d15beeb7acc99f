package dev.tern.mqtt.codec;

import java.util.Objects;

/**
 * PUBACK (section 3.4): acknowledges a QoS 1 PUBLISH. Reason code and properties exist in 5.0 only; for 3.x they are {@link ReasonCode#SUCCESS} and empty.
 */
public record PubAckPacket(int packetId, ReasonCode reasonCode, MqttProperties properties) implements MqttPacket {

    public PubAckPacket {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(properties, "properties");
        PacketIds.check(packetId);
    }

    /** The plain acknowledgement: success, no properties (all that 3.x has). */
    public static PubAckPacket of(int packetId) {
        return new PubAckPacket(packetId, ReasonCode.SUCCESS, MqttProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBACK;
    }
}
