package dev.tern.api.broker;

/**
 * Byte counts that only protocol channels see (the core counts messages itself), drops and refusals for crossing a
 * configured limit; they feed {@code $SYS/broker/bytes/*}, {@code $SYS/broker/messages/dropped},
 * {@code $SYS/broker/limits/*} and metrics. Implementations are thread-safe and cheap (striped counters).
 */
public interface Traffic {
    void bytesReceived(long bytes);

    void bytesSent(long bytes);

    /** A message a subscriber did not get, with why (for $SYS and metrics). */
    void messageDropped(DropReason reason);

    /**
     * A client crossed a configured limit and was refused (with the spec's reason code where its version has one).
     * Counted once per refusal, where the refusal is decided.
     */
    void limitExceeded(Limit limit);

    /** Why a message was not delivered to a subscriber. */
    enum DropReason {
        /** Larger than the client's Maximum Packet Size. */
        TOO_LARGE_FOR_CLIENT,
        /** The session's queue was full. */
        QUEUE_FULL,
        /** Its Message Expiry Interval passed before it could be delivered. */
        EXPIRED,
        /** QoS 0 to an offline session, or to a connection that could not take more. */
        QOS0_NOT_DELIVERABLE
    }

    /**
     * A configured limit whose crossing is refused. A full queue is not here: it drops a message, counted as {@link
     * DropReason#QUEUE_FULL}.
     */
    enum Limit {
        /** {@code limits.max_connections}: the new client gets CONNACK 0x97 (3.x: return code 3). */
        CONNECTIONS,
        /** {@code mqtt.max_packet_size}: a larger packet gets DISCONNECT (or CONNACK) 0x95 (3.x: the socket closes). */
        PACKET_SIZE,
        /** {@code mqtt.receive_maximum}: one QoS 1/2 PUBLISH too many unacknowledged gets DISCONNECT 0x93 (5.0 only). */
        RECEIVE_MAXIMUM,
        /** {@code mqtt.topic_alias_maximum}: a topic alias above it gets DISCONNECT 0x94 (5.0 only). */
        TOPIC_ALIAS,
        /** {@code mqtt.max_client_id_length}: a longer client identifier gets CONNACK 0x85 (3.x: return code 2). */
        CLIENT_ID_LENGTH,
        /**
         * {@code mqtt.maximum_qos}: a PUBLISH above it gets DISCONNECT 0x9B (3.x: the socket closes), a will above it
         * CONNACK 0x9B.
         */
        MAXIMUM_QOS,
        /** {@code limits.max_subscriptions_per_client}: a filter beyond it gets SUBACK 0x97 (3.x: 0x80). */
        SUBSCRIPTIONS_PER_CLIENT,
        /**
         * {@code limits.max_topic_levels}, {@code limits.max_topic_length}: a longer filter gets SUBACK 0x8F (3.x:
         * 0x80), a longer topic name PUBACK/PUBREC 0x90 (3.x: the message is dropped).
         */
        TOPIC_LEVELS_OR_LENGTH,
        /** {@code mqtt.connect_timeout}: no CONNECT (or unfinished authentication) in time; the socket closes. */
        CONNECT_TIMEOUT,
        /** Keep alive × 1.5 without a packet: DISCONNECT 0x8D (3.x: the socket closes); the will is published. */
        KEEP_ALIVE_TIMEOUT,
        /**
         * The store's disk is full: a QoS 1/2 PUBLISH gets PUBACK/PUBREC 0x97 (3.x: the connection closes unacknowledged),
         * until space returns.
         */
        STORE_FULL
    }
}
