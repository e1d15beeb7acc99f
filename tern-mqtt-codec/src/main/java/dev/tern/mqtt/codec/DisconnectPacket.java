package dev.tern.mqtt.codec;

import java.util.Objects;

/**
 * DISCONNECT (section 3.14). In 3.x it has no content and only a client sends it; in 5.0 either side may, with a
 * reason code and properties.
 */
public record DisconnectPacket(ReasonCode reasonCode, MqttProperties properties) implements MqttPacket {
    public static final DisconnectPacket NORMAL = new DisconnectPacket(ReasonCode.SUCCESS, MqttProperties.EMPTY);

    public DisconnectPacket {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(properties, "properties");
    }

    @Override
    public PacketType type() {
        return PacketType.DISCONNECT;
    }
}
