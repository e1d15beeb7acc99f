package dev.tern.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.api.topic.TopicName;
import org.junit.jupiter.api.Test;

class MessageTest {
    private static final TopicName TOPIC = new TopicName("t");

    private static Message message(long createdAt, long expiresAt) {
        return new Message(
                TOPIC, Payload.utf8("x"), Qos.AT_LEAST_ONCE, false, MessageProperties.NONE, "c", createdAt, expiresAt);
    }

    @Test
    void remainingExpiryIsCountedDownAndRoundedUpToWholeSeconds() {
        Message message = message(1_000, 11_000);

        assertThat(message.remainingExpirySeconds(1_000)).isEqualTo(10);
        assertThat(message.remainingExpirySeconds(4_500)).isEqualTo(7);
        assertThat(message.remainingExpirySeconds(10_999)).isEqualTo(1);
        assertThat(message.isExpiredAt(10_999)).isFalse();
        assertThat(message.isExpiredAt(11_000)).isTrue();
        assertThat(message.remainingExpirySeconds(12_000)).isZero();
    }

    @Test
    void republishingKeepsTheExpiryIntervalButCountsItFromTheNewTime() {
        Message republished = message(1_000, 11_000).republishedAt(50_000);

        assertThat(republished.createdAtMillis()).isEqualTo(50_000);
        assertThat(republished.remainingExpirySeconds(50_000)).isEqualTo(10);
        assertThat(message(1_000, Message.NEVER_EXPIRES).republishedAt(50_000).expires())
                .isFalse();
    }

    @Test
    void restampingTheOriginChangesOnlyTheOrigin() {
        Message original = message(1_000, 11_000);

        assertThat(original.withOriginClientId("c")).isSameAs(original);
        assertThat(original.withOriginClientId("other"))
                .isEqualTo(new Message(
                        TOPIC,
                        Payload.utf8("x"),
                        Qos.AT_LEAST_ONCE,
                        false,
                        MessageProperties.NONE,
                        "other",
                        1_000,
                        11_000));
    }

    @Test
    void aMessageWithoutExpiryNeverExpires() {
        Message message = message(1_000, Message.NEVER_EXPIRES);

        assertThat(message.expires()).isFalse();
        assertThat(message.isExpiredAt(Long.MAX_VALUE - 1)).isFalse();
    }

    @Test
    void aMessageCannotExpireBeforeItWasCreated() {
        assertThatThrownBy(() -> message(5_000, 4_999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void qosDowngradeTakesTheLowerLevel() {
        assertThat(Qos.EXACTLY_ONCE.min(Qos.AT_LEAST_ONCE)).isEqualTo(Qos.AT_LEAST_ONCE);
        assertThat(Qos.AT_MOST_ONCE.min(Qos.EXACTLY_ONCE)).isEqualTo(Qos.AT_MOST_ONCE);
        assertThat(Qos.ofLevel(2)).isEqualTo(Qos.EXACTLY_ONCE);
    }

    @Test
    void payloadsCompareByContentAndTheEmptyOneIsShared() {
        assertThat(Payload.copyOf(new byte[] {1, 2})).isEqualTo(Payload.wrapOwned(new byte[] {1, 2}));
        assertThat(Payload.wrapOwned(new byte[0])).isSameAs(Payload.EMPTY);
    }
}
