package dev.tern.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Message;
import dev.tern.api.message.MessageProperties;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.session.CloseReason;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.Will;
import dev.tern.api.topic.TopicName;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {
    private final CoreFixture core = new CoreFixture();

    private Optional<Will> will(String payload, long delaySeconds) {
        Message message = new Message(
                new TopicName("status/device"),
                Payload.utf8(payload),
                Qos.AT_LEAST_ONCE,
                false,
                MessageProperties.NONE,
                "device",
                core.time.millis(),
                Message.NEVER_EXPIRES);
        return Optional.of(new Will(message, delaySeconds));
    }

    private CoreFixture.Client watcher() {
        CoreFixture.Client watcher = core.connect("watcher", true, 0);
        watcher.subscribe("status/#", Qos.AT_LEAST_ONCE);
        return watcher;
    }

    @Test
    void aPersistentSessionQueuesQos1WhileOfflineAndDeliversOnReconnect() {
        CoreFixture.Client first = core.connect("device", false, SessionRequest.NEVER_EXPIRES);
        first.subscribe("cmd", Qos.AT_LEAST_ONCE);
        first.session.disconnected(DisconnectKind.NORMAL, OptionalLong.empty());

        core.publish("cmd", "q1", Qos.AT_LEAST_ONCE, false);
        core.publish("cmd", "q0", Qos.AT_MOST_ONCE, false);
        CoreFixture.Client again = core.connect("device", false, SessionRequest.NEVER_EXPIRES);

        assertThat(again.sessionPresent).isTrue();
        assertThat(again.received()).containsExactly("q1"); // QoS 0 is not queued for offline sessions
    }

    @Test
    void cleanStartDiscardsTheSessionAndReportsNoSessionPresent() {
        CoreFixture.Client first = core.connect("device", false, SessionRequest.NEVER_EXPIRES);
        first.subscribe("cmd", Qos.AT_LEAST_ONCE);
        first.session.disconnected(DisconnectKind.NORMAL, OptionalLong.empty());

        CoreFixture.Client again = core.connect("device", true, 0);
        core.publish("cmd", "lost", Qos.AT_LEAST_ONCE, false);

        assertThat(again.sessionPresent).isFalse();
        assertThat(again.received()).isEmpty();
    }

    @Test
    void aSessionWithExpiryZeroEndsWithItsConnection() {
        CoreFixture.Client first = core.connect("device", false, 0);
        first.subscribe("cmd", Qos.AT_LEAST_ONCE);
        first.session.disconnected(DisconnectKind.NORMAL, OptionalLong.empty());

        assertThat(core.sessions.sessionCount()).isZero();
        assertThat(core.sessions.subscriptionCount()).isZero();
    }

    @Test
    void aSessionEndsWhenItsExpiryIntervalPassesOffline() {
        CoreFixture.Client first = core.connect("device", false, 60);
        first.subscribe("cmd", Qos.AT_LEAST_ONCE);
        first.session.disconnected(DisconnectKind.NORMAL, OptionalLong.empty());

        core.time.advanceMillis(59_000);
        core.settle();
        assertThat(core.sessions.sessionCount()).isEqualTo(1);
        core.time.advanceMillis(1_000);
        core.settle();
        assertThat(core.sessions.sessionCount()).isZero();
    }

    @Test
    void takeoverClosesTheOldConnectionAndKeepsTheSession() {
        CoreFixture.Client first = core.connect("device", false, SessionRequest.NEVER_EXPIRES);
        first.subscribe("cmd", Qos.AT_LEAST_ONCE);

        CoreFixture.Client second = core.connect("device", false, SessionRequest.NEVER_EXPIRES);
        core.settle();
        core.settle();
        core.publish("cmd", "to-second", Qos.AT_LEAST_ONCE, false);

        assertThat(first.outlet.closes).containsExactly(CloseReason.SESSION_TAKEN_OVER);
        assertThat(second.sessionPresent).isTrue();
        assertThat(second.received()).containsExactly("to-second");
        assertThat(first.received()).isEmpty();
        assertThat(core.sessions.connectedCount()).isEqualTo(1);
    }

    @Test
    void takingOverASessionThatEndsWithItsConnectionStartsANewOne() {
        // [MQTT-3.1.2-6] a Clean Session 1 (expiry 0) session lasts as long as its connection; the takeover ends it.
        CoreFixture.Client first = core.connect("device", true, 0, 65_535, will("gone", 30));
        first.subscribe("cmd", Qos.AT_LEAST_ONCE);
        CoreFixture.Client watcher = watcher();

        CoreFixture.Client second = core.connect("device", false, SessionRequest.NEVER_EXPIRES);
        core.settle();
        core.publish("cmd", "not-subscribed-any-more", Qos.AT_LEAST_ONCE, false);

        assertThat(first.outlet.closes).containsExactly(CloseReason.SESSION_TAKEN_OVER);
        assertThat(second.sessionPresent).isFalse();
        assertThat(second.received()).isEmpty();
        assertThat(watcher.received())
                .as("the ended session's delayed will goes at once")
                .containsExactly("gone");
    }

    @Test
    void theTakenOverConnectionCanNoLongerTouchTheSession() {
        CoreFixture.Client first = core.connect("device", false, SessionRequest.NEVER_EXPIRES);
        CoreFixture.Client second = core.connect("device", false, SessionRequest.NEVER_EXPIRES);
        core.settle();

        first.session.disconnected(DisconnectKind.ABNORMAL, OptionalLong.of(0));
        second.subscribe("cmd", Qos.AT_LEAST_ONCE);
        core.publish("cmd", "still-there", Qos.AT_LEAST_ONCE, false);

        assertThat(second.received()).containsExactly("still-there");
    }

    @Test
    void theWillIsPublishedWhenTheConnectionBreaks() {
        CoreFixture.Client watcher = watcher();
        CoreFixture.Client device = core.connect("device", true, 0, 65_535, will("offline", 0));

        device.session.disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty());

        assertThat(watcher.received()).containsExactly("offline");
    }

    @Test
    void aNormalDisconnectDiscardsTheWill() {
        CoreFixture.Client watcher = watcher();
        CoreFixture.Client device = core.connect("device", true, 0, 65_535, will("offline", 0));

        device.session.disconnected(DisconnectKind.NORMAL, OptionalLong.empty());

        assertThat(watcher.received()).isEmpty();
    }

    @Test
    void disconnectWithWillStillPublishesIt() {
        CoreFixture.Client watcher = watcher();
        CoreFixture.Client device = core.connect("device", true, 0, 65_535, will("bye", 0));

        device.session.disconnected(DisconnectKind.NORMAL_WITH_WILL, OptionalLong.empty());

        assertThat(watcher.received()).containsExactly("bye");
    }

    @Test
    void aDelayedWillWaitsForItsDelay() {
        CoreFixture.Client watcher = watcher();
        CoreFixture.Client device = core.connect("device", false, 3600, 65_535, will("late", 30));

        device.session.disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty());
        core.time.advanceMillis(29_000);
        core.settle();
        assertThat(watcher.received()).isEmpty();
        core.time.advanceMillis(1_000);
        core.settle();

        assertThat(watcher.received()).containsExactly("late");
    }

    @Test
    void aDelayedWillGoesWhenTheSessionEndsFirst() {
        CoreFixture.Client watcher = watcher();
        CoreFixture.Client device = core.connect("device", false, 10, 65_535, will("session-over", 300));

        device.session.disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty());
        core.time.advanceMillis(10_000);
        core.settle();

        assertThat(watcher.received()).containsExactly("session-over");
    }

    @Test
    void aWillDelayedBeyondTheSessionExpiryGoesOutInTheTaskThatEndsTheSession() {
        CoreFixture.Client watcher = watcher();
        CoreFixture.Client device = core.connect("device", false, 1, 65_535, will("session-over", 60));
        device.session.disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty());

        core.time.advanceMillis(1_000);
        core.settle();

        assertThat(watcher.received()).containsExactly("session-over");
        assertThat(core.sessions.sessionCount()).isEqualTo(1); // only the watcher's
        assertThat(core.connect("device", false, 60).sessionPresent).isFalse();
    }

    @Test
    void reconnectingBeforeTheWillDelayCancelsTheWill() {
        CoreFixture.Client watcher = watcher();
        CoreFixture.Client device = core.connect("device", false, 3600, 65_535, will("never", 30));
        device.session.disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty());

        core.connect("device", false, 3600);
        core.time.advanceMillis(60_000);
        core.settle();

        assertThat(watcher.received()).isEmpty();
    }

    @Test
    void takeoverPublishesTheOldConnectionsWillWhenItHasNoDelay() {
        CoreFixture.Client watcher = watcher();
        core.connect("device", false, 3600, 65_535, will("taken", 0));

        core.connect("device", false, 3600);

        assertThat(watcher.received()).containsExactly("taken");
    }

    @Test
    void theConnectionLimitRefusesNewClientsButAllowsTakeover() {
        CoreFixture limited = new CoreFixture(new dev.tern.core.CoreSettings(
                1,
                100,
                1000,
                1 << 20,
                dev.tern.core.CoreSettings.QueueOverflow.DROP_NEW,
                false,
                3600,
                10,
                8,
                100,
                Qos.EXACTLY_ONCE,
                true,
                true,
                true,
                true,
                0,
                "test"));
        limited.connect("a", false, 3600);

        CoreFixture.Client refused = limited.connect("b", true, 0);
        CoreFixture.Client takeover = limited.connect("a", false, 3600);

        assertThat(refused.result).isInstanceOf(dev.tern.api.session.ConnectResult.Refused.class);
        assertThat(takeover.sessionPresent).isTrue();
        assertThat(limited.counters.limitsExceeded(dev.tern.api.broker.Traffic.Limit.CONNECTIONS))
                .isEqualTo(1);
    }

    @Test
    void subscriptionsBeyondTheQuotaAndTopicsBeyondTheLimitsAreRefusedAndCounted() {
        CoreFixture limited = new CoreFixture(new dev.tern.core.CoreSettings(
                10,
                100,
                1000,
                1 << 20,
                dev.tern.core.CoreSettings.QueueOverflow.DROP_NEW,
                false,
                3600,
                1,
                3,
                100,
                Qos.EXACTLY_ONCE,
                true,
                true,
                true,
                true,
                0,
                "test"));
        CoreFixture.Client client = limited.connect("a", true, 0);

        client.subscribe("first", Qos.AT_MOST_ONCE);
        var overQuota = client.subscribe("second", Qos.AT_MOST_ONCE);
        var tooDeepFilter = client.subscribe("a/b/c/d", Qos.AT_MOST_ONCE);
        var tooDeepTopic = client.publish("a/b/c/d", "x", Qos.AT_LEAST_ONCE, false);

        assertThat(overQuota)
                .containsExactly(
                        new dev.tern.api.session.SubscribeResult.Refused(dev.tern.api.session.Refusal.QUOTA_EXCEEDED));
        assertThat(tooDeepFilter)
                .containsExactly(new dev.tern.api.session.SubscribeResult.Refused(
                        dev.tern.api.session.Refusal.TOPIC_FILTER_INVALID));
        assertThat(tooDeepTopic)
                .isEqualTo(new dev.tern.api.session.PublishOutcome.Refused(
                        dev.tern.api.session.Refusal.TOPIC_NAME_INVALID));
        assertThat(limited.counters.limitsExceeded(dev.tern.api.broker.Traffic.Limit.SUBSCRIPTIONS_PER_CLIENT))
                .isEqualTo(1);
        assertThat(limited.counters.limitsExceeded(dev.tern.api.broker.Traffic.Limit.TOPIC_LEVELS_OR_LENGTH))
                .isEqualTo(2);
        assertThat(limited.counters.limitsExceededTotal()).isEqualTo(3);
    }
}
