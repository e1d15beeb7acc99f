package dev.tern.core;

import dev.tern.api.message.Qos;

/**
 * The core's limits and features, documented key by key in docs/configuration.md (the server maps its configuration
 * file onto this record).
 *
 * @param maxConnections connected clients at once; more are refused
 * @param maxInflight QoS 1/2 deliveries unacknowledged per client, whatever the client's Receive Maximum allows
 * @param maxQueuedMessages messages held per session beyond the inflight window (offline or slow clients)
 * @param maxQueuedBytes payload bytes held per session beyond the inflight window
 * @param queueOverflow what happens to a message that does not fit a full queue
 * @param queueQos0Offline whether QoS 0 messages are queued for offline persistent sessions (Mosquitto: no)
 * @param maxSessionExpirySeconds cap on the session expiry clients ask for
 * @param maxSubscriptionsPerClient subscriptions one session may hold
 * @param maxTopicLevels levels in a topic name or filter
 * @param maxTopicLength UTF-16 length of a topic name or filter
 * @param maximumQos the highest QoS the broker accepts and delivers
 * @param retainAvailable whether retained messages are supported
 * @param wildcardSubscriptionsAvailable whether filters may contain wildcards
 * @param sharedSubscriptionsAvailable whether $share subscriptions are supported
 * @param subscriptionIdentifiersAvailable whether subscription identifiers are supported
 * @param sysIntervalSeconds how often $SYS topics are published; 0 turns them off
 * @param version the broker version published on $SYS/broker/version
 */
public record CoreSettings(
        int maxConnections,
        int maxInflight,
        int maxQueuedMessages,
        long maxQueuedBytes,
        QueueOverflow queueOverflow,
        boolean queueQos0Offline,
        long maxSessionExpirySeconds,
        int maxSubscriptionsPerClient,
        int maxTopicLevels,
        int maxTopicLength,
        Qos maximumQos,
        boolean retainAvailable,
        boolean wildcardSubscriptionsAvailable,
        boolean sharedSubscriptionsAvailable,
        boolean subscriptionIdentifiersAvailable,
        int sysIntervalSeconds,
        String version) {

    /** What to do with a message for a session whose queue is full. */
    public enum QueueOverflow {
        /** Keep the queue, drop the new message (Mosquitto's behaviour). */
        DROP_NEW,
        /** Make room by dropping the oldest queued message. */
        DROP_OLDEST
    }

    public CoreSettings {
        positive("maxConnections", maxConnections);
        positive("maxInflight", maxInflight);
        positive("maxQueuedMessages", maxQueuedMessages);
        positive("maxQueuedBytes", maxQueuedBytes);
        positive("maxSubscriptionsPerClient", maxSubscriptionsPerClient);
        positive("maxTopicLevels", maxTopicLevels);
        positive("maxTopicLength", maxTopicLength);
        if (sysIntervalSeconds < 0) {
            throw new IllegalArgumentException("sys interval must be 0 (off) or positive");
        }
        if (maxInflight > 65_535) {
            throw new IllegalArgumentException("maxInflight cannot exceed 65535 packet identifiers");
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** The defaults documented in docs/configuration.md. */
    public static CoreSettings defaults() {
        return new CoreSettings(
                10_000,
                100,
                1_000,
                64L * 1024 * 1024,
                QueueOverflow.DROP_NEW,
                false,
                SessionExpiry.NEVER,
                1_000,
                32,
                1_024,
                Qos.EXACTLY_ONCE,
                true,
                true,
                true,
                true,
                10,
                "0.1.0-SNAPSHOT");
    }

    /** Session expiry constants. */
    public static final class SessionExpiry {
        /** 0xFFFFFFFF: never expires. */
        public static final long NEVER = 0xFFFF_FFFFL;

        private SessionExpiry() {}
    }
}
