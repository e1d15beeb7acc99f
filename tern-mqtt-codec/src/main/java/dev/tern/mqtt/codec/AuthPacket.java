package dev.tern.mqtt.codec;

import java.util.Objects;

/** AUTH (section 3.15, MQTT 5.0 only): one step of enhanced authentication or re-authentication. */
public record AuthPacket(ReasonCode reasonCode, MqttProperties properties) implements MqttPacket {

    public AuthPacket {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(properties, "properties");
    }

    @Override
    public PacketType type() {
        return PacketType.AUTH;
    }
}
