package dev.tern.mqtt.codec;

import java.util.Objects;

/**
 * PUBREL (section 3.6): releases a QoS 2 message after PUBREC. Reason code and properties exist in 5.0 only; for 3.x they are {@link ReasonCode#SUCCESS} and empty.
 */
public record PubRelPacket(int packetId, ReasonCode reasonCode, MqttProperties properties) implements MqttPacket {

    public PubRelPacket {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(properties, "properties");
        PacketIds.check(packetId);
    }

    /** The plain acknowledgement: success, no properties (all that 3.x has). */
    public static PubRelPacket of(int packetId) {
        return new PubRelPacket(packetId, ReasonCode.SUCCESS, MqttProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBREL;
    }
}
