package dev.tern.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MQTT protocol settings and per-session limits (keys {@code mqtt.*}), documented key by key in docs/configuration.md.
 *
 * @param tcp the TCP listener
 * @param tls the TLS listener (off by default)
 * @param ws the WebSocket listener (off by default)
 * @param wss the secure WebSocket listener (off by default)
 * @param listeners more listeners of any kind, each with its own name; none by default
 * @param maxKeepalive longest keep alive granted; a client asking for more, or for 0, gets this (5.0: Server Keep Alive)
 * @param receiveMaximum QoS 1/2 PUBLISHes a client may send us unacknowledged (more: disconnected with 0x93)
 * @param topicAliasMaximum topic aliases a client may use towards us; 0 turns inbound aliases off
 * @param maxPacketSize largest packet accepted, in bytes (larger: 0x95); also the limit advertised in CONNACK
 * @param maxInflight QoS 1/2 messages sent to one client and not yet acknowledged, whatever its Receive Maximum
 * @param maxQueuedMessages messages queued per session beyond the inflight window (offline or slow clients)
 * @param maxQueuedBytes payload bytes queued per session beyond the inflight window
 * @param queueOverflow what a full queue does with one more message
 * @param queueQos0Offline whether QoS 0 messages are queued for offline persistent sessions
 * @param maxSessionExpiry longest session expiry granted, in seconds; 4294967295 means no cap
 * @param connectTimeout seconds a new connection has to send CONNECT before it is closed
 * @param maxClientIdLength longest client identifier accepted (at least 23, as the spec requires)
 * @param maximumQos highest QoS accepted and delivered: 0, 1 or 2
 * @param retainAvailable whether retained messages are supported
 * @param wildcardSubscriptionsAvailable whether filters may contain {@code +} and {@code #}
 * @param sharedSubscriptionsAvailable whether {@code $share/...} subscriptions are supported
 * @param subscriptionIdentifiersAvailable whether MQTT 5 subscription identifiers are supported
 * @param outboundTopicAliases whether the broker assigns topic aliases to clients that allow them
 */
public record MqttConfig(
        TcpConfig tcp,
        TlsListenerConfig tls,
        WsListenerConfig ws,
        WssListenerConfig wss,
        List<ListenerConfig> listeners,
        int maxKeepalive,
        int receiveMaximum,
        int topicAliasMaximum,
        int maxPacketSize,
        int maxInflight,
        int maxQueuedMessages,
        long maxQueuedBytes,
        QueueOverflow queueOverflow,
        boolean queueQos0Offline,
        long maxSessionExpiry,
        int connectTimeout,
        int maxClientIdLength,
        int maximumQos,
        boolean retainAvailable,
        boolean wildcardSubscriptionsAvailable,
        boolean sharedSubscriptionsAvailable,
        boolean subscriptionIdentifiersAvailable,
        boolean outboundTopicAliases) {

    /** MQTT 5's largest packet: a 4-byte remaining length of 268,435,455 plus the 5-byte fixed header. */
    static final int LARGEST_PACKET = 268_435_460;

    /** MQTT 5's 0xFFFFFFFF: a session that never expires. */
    static final long NEVER_EXPIRES = 0xFFFF_FFFFL;

    public MqttConfig {
        Checks.present("mqtt.tcp", tcp);
        Checks.present("mqtt.tls", tls);
        Checks.present("mqtt.ws", ws);
        Checks.present("mqtt.wss", wss);
        listeners = List.copyOf(Checks.present("mqtt.listeners", listeners));
        Set<String> names = new HashSet<>();
        for (ListenerConfig listener : listeners) {
            if (!names.add(listener.name())) {
                throw ConfigException.aboutKey(
                        "mqtt.listeners.name", "mqtt.listeners: two listeners are named '" + listener.name() + "'");
            }
        }
        Checks.range("mqtt.max_keepalive", maxKeepalive, 1, 65_535);
        Checks.range("mqtt.receive_maximum", receiveMaximum, 1, 65_535);
        Checks.range("mqtt.topic_alias_maximum", topicAliasMaximum, 0, 65_535);
        Checks.range("mqtt.max_packet_size", maxPacketSize, 64, LARGEST_PACKET);
        Checks.range("mqtt.max_inflight", maxInflight, 1, 65_535);
        Checks.range("mqtt.max_queued_messages", maxQueuedMessages, 1, Integer.MAX_VALUE);
        Checks.range("mqtt.max_queued_bytes", maxQueuedBytes, 1, Long.MAX_VALUE);
        Checks.present("mqtt.queue_overflow", queueOverflow);
        Checks.range("mqtt.max_session_expiry", maxSessionExpiry, 0, NEVER_EXPIRES);
        Checks.range("mqtt.connect_timeout", connectTimeout, 1, 65_535);
        Checks.range("mqtt.max_client_id_length", maxClientIdLength, 23, 65_535);
        Checks.range("mqtt.maximum_qos", maximumQos, 0, 2);
    }

    /** The values of {@code mqtt.queue_overflow}. */
    public enum QueueOverflow {
        /** Keep what is queued and drop the new message (Mosquitto's behaviour). */
        @JsonProperty("drop_new")
        DROP_NEW,
        /** Drop the oldest queued message to make room for the new one. */
        @JsonProperty("drop_oldest")
        DROP_OLDEST
    }
}
