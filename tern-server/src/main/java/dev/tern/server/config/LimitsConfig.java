package dev.tern.server.config;

/**
 * Broker-wide limits (keys {@code limits.*}); each is answered with the protocol's reason code when reached.
 *
 * @param maxConnections clients connected at once; more are refused (MQTT 5: 0x97)
 * @param maxSubscriptionsPerClient subscriptions one session may hold (0x97)
 * @param maxTopicLevels levels in a topic name or filter
 * @param maxTopicLength characters in a topic name or filter
 */
public record LimitsConfig(int maxConnections, int maxSubscriptionsPerClient, int maxTopicLevels, int maxTopicLength) {
    public LimitsConfig {
        Checks.range("limits.max_connections", maxConnections, 1, Integer.MAX_VALUE);
        Checks.range("limits.max_subscriptions_per_client", maxSubscriptionsPerClient, 1, Integer.MAX_VALUE);
        Checks.range("limits.max_topic_levels", maxTopicLevels, 1, 65_535);
        Checks.range("limits.max_topic_length", maxTopicLength, 1, 65_535);
    }
}
