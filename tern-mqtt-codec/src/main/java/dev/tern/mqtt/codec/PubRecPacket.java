package dev.tern.mqtt.codec;

import java.util.Objects;

/**
 * PUBREC (section 3.5): first acknowledgement of a QoS 2 PUBLISH. Reason code and properties exist in 5.0 only; for 3.x they are {@link ReasonCode#SUCCESS} and empty.
 */
public record PubRecPacket(int packetId, ReasonCode reasonCode, MqttProperties properties) implements MqttPacket {

    public PubRecPacket {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(properties, "properties");
        PacketIds.check(packetId);
    }

    /** The plain acknowledgement: success, no properties (all that 3.x has). */
    public static PubRecPacket of(int packetId) {
        return new PubRecPacket(packetId, ReasonCode.SUCCESS, MqttProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBREC;
    }
}
