package dev.tern.mqtt.codec;

import java.util.Objects;

/**
 * PUBCOMP (section 3.7): completes a QoS 2 exchange. Reason code and properties exist in 5.0 only; for 3.x they are {@link ReasonCode#SUCCESS} and empty.
 */
public record PubCompPacket(int packetId, ReasonCode reasonCode, MqttProperties properties) implements MqttPacket {

    public PubCompPacket {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(properties, "properties");
        PacketIds.check(packetId);
    }

    /** The plain acknowledgement: success, no properties (all that 3.x has). */
    public static PubCompPacket of(int packetId) {
        return new PubCompPacket(packetId, ReasonCode.SUCCESS, MqttProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBCOMP;
    }
}
