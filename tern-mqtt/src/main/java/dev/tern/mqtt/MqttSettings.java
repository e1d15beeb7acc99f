package dev.tern.mqtt;

import dev.tern.api.message.Qos;

/**
 * What the MQTT protocol channel enforces and advertises in CONNACK. Documented key by key in docs/configuration.md
 * (keys {@code mqtt.*}).
 *
 * @param receiveMaximum QoS 1/2 PUBLISHes a client may have unacknowledged towards us (exceeding it: 0x93)
 * @param topicAliasMaximum topic aliases a client may use towards us (0 = none)
 * @param maxPacketSize largest packet we accept, checked before buffering (0x95)
 * @param maxKeepAliveSeconds a client asking for more, or for 0, gets this as Server Keep Alive (5.0)
 * @param connectTimeoutSeconds a connection that sends no CONNECT within this is closed
 * @param maxClientIdLength longest client identifier accepted (0x85 / return code 2)
 * @param maximumQos highest QoS accepted (advertised in CONNACK when below 2)
 * @param retainAvailable whether RETAIN is supported (0x9A when not)
 * @param wildcardSubscriptionsAvailable advertised in CONNACK
 * @param sharedSubscriptionsAvailable advertised in CONNACK
 * @param subscriptionIdentifiersAvailable advertised in CONNACK
 * @param outboundTopicAliases whether the server assigns topic aliases when the client allows them
 */
public record MqttSettings(
        int receiveMaximum,
        int topicAliasMaximum,
        int maxPacketSize,
        int maxKeepAliveSeconds,
        int connectTimeoutSeconds,
        int maxClientIdLength,
        Qos maximumQos,
        boolean retainAvailable,
        boolean wildcardSubscriptionsAvailable,
        boolean sharedSubscriptionsAvailable,
        boolean subscriptionIdentifiersAvailable,
        boolean outboundTopicAliases) {

    public MqttSettings {
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("mqtt.receive_maximum must be 1..65535, was " + receiveMaximum);
        }
        if (topicAliasMaximum < 0 || topicAliasMaximum > 65_535) {
            throw new IllegalArgumentException("mqtt.topic_alias_maximum must be 0..65535, was " + topicAliasMaximum);
        }
        if (maxPacketSize < 64 || maxPacketSize > 268_435_460) {
            throw new IllegalArgumentException("mqtt.max_packet_size must be 64..268435460, was " + maxPacketSize);
        }
        if (maxKeepAliveSeconds < 1 || maxKeepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("mqtt.max_keepalive must be 1..65535, was " + maxKeepAliveSeconds);
        }
        if (connectTimeoutSeconds < 1) {
            throw new IllegalArgumentException("mqtt.connect_timeout must be at least 1 second");
        }
        if (maxClientIdLength < 23 || maxClientIdLength > 65_535) {
            throw new IllegalArgumentException("mqtt.max_client_id_length must be 23..65535 [MQTT-3.1.3-5]");
        }
    }

    /** The defaults documented in docs/configuration.md. */
    public static MqttSettings defaults() {
        return new MqttSettings(1_024, 64, 1_048_576, 65_535, 10, 256, Qos.EXACTLY_ONCE, true, true, true, true, true);
    }
}
