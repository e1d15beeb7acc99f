package dev.tern.mqtt.codec;

import java.util.Objects;

/**
 * The will message of a CONNECT: published by the server when the connection ends without a normal DISCONNECT. The
 * payload is a small copy (it lives as long as the session, detached from the connection's buffers).
 */
public record Will(String topic, BinaryData payload, MqttQos qos, boolean retain, MqttProperties properties) {
    public Will {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(properties, "properties");
    }
}
