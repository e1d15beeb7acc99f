package dev.tern.mqtt.codec;

import java.util.Objects;

/**
 * CONNACK (section 3.2). The reason code is MQTT 5's; for 3.x it maps to and from the CONNACK return code with {@link
 * ConnectReturnCode#of(ReasonCode)} and {@link ConnectReturnCode#toReasonCode()}.
 */
public record ConnAckPacket(boolean sessionPresent, ReasonCode reasonCode, MqttProperties properties)
        implements MqttPacket {

    public ConnAckPacket {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(properties, "properties");
        // [MQTT-3.2.2-6] a refusing CONNACK MUST set Session Present to 0.
        if (sessionPresent && reasonCode.isError()) {
            throw new IllegalArgumentException("a refusing CONNACK must not claim a present session");
        }
    }

    @Override
    public PacketType type() {
        return PacketType.CONNACK;
    }
}
