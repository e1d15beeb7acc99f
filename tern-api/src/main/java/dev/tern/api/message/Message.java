package dev.tern.api.message;

import dev.tern.api.topic.TopicName;
import java.util.Objects;

/**
 * One application message, as published. Immutable: the same instance is handed to every subscriber, each of which
 * applies its own QoS downgrade and flags on delivery.
 *
 * @param originClientId the publishing client's identifier, for No Local; empty for messages the broker makes
 *     ($SYS, wills are published under the will owner's id)
 * @param createdAtMillis when the broker accepted the message, by the broker's clock
 * @param expiresAtMillis when the message expires by the broker's clock, or {@link #NEVER_EXPIRES}; a forwarded message
 *     carries the time it has left [MQTT-3.3.2-6]
 */
public record Message(
        TopicName topic,
        Payload payload,
        Qos qos,
        boolean retain,
        MessageProperties properties,
        String originClientId,
        long createdAtMillis,
        long expiresAtMillis) {

    /** The expiry of a message without Message Expiry Interval: later than any clock reading. */
    public static final long NEVER_EXPIRES = Long.MAX_VALUE;

    public Message {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(originClientId, "originClientId");
        if (expiresAtMillis < createdAtMillis) {
            throw new IllegalArgumentException("a message cannot expire before it was created");
        }
    }

    /** The same message published under {@code clientId} (a session stamps its own identity for No Local). */
    public Message withOriginClientId(String clientId) {
        return clientId.equals(originClientId)
                ? this
                : new Message(topic, payload, qos, retain, properties, clientId, createdAtMillis, expiresAtMillis);
    }

    /**
     * The same message published anew at {@code nowMillis}, its expiry interval counting from then (a will is made at
     * connect and published later, MQTT 5 section 3.1.3.2.3).
     */
    public Message republishedAt(long nowMillis) {
        long expiresAt = expires() ? nowMillis + (expiresAtMillis - createdAtMillis) : NEVER_EXPIRES;
        return new Message(topic, payload, qos, retain, properties, originClientId, nowMillis, expiresAt);
    }

    public boolean isExpiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    /**
     * Seconds of life left at {@code nowMillis}, rounded up, for the Message Expiry Interval sent to a subscriber; only
     * meaningful when the message expires at all.
     */
    public long remainingExpirySeconds(long nowMillis) {
        long remaining = expiresAtMillis - nowMillis;
        return remaining <= 0 ? 0 : (remaining + 999) / 1000;
    }

    public boolean expires() {
        return expiresAtMillis != NEVER_EXPIRES;
    }
}
