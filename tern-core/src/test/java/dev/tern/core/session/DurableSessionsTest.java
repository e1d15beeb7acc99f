package dev.tern.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.Refusal;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.Will;
import dev.tern.api.store.WriteResult;
import dev.tern.core.CoreSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Persistent sessions on a store: what is journalled, what waits for it, and what a restart brings back. A restart is
 * a new core on the same {@link JournalStore}; {@link JournalStore#crash} drops the writes still in flight, as a kill
 * -9 would.
 */
class DurableSessionsTest {
    private static final long FOREVER = SessionRequest.NEVER_EXPIRES;

    private final JournalStore store = new JournalStore();
    private final ManualScheduler time = new ManualScheduler();
    private CoreFixture core = new CoreFixture(CoreSettings.defaults(), store, time);

    private void restart() {
        crash();
        startAgain();
    }

    /** The broker process dies: writes in flight and timers with it. */
    private void crash() {
        store.crash();
        time.cancelAll();
    }

    private void startAgain() {
        core = new CoreFixture(CoreSettings.defaults(), store, time);
        core.sessions.restore(store.load());
        core.settle();
    }

    private CoreFixture.Client offlineSubscriber(String clientId, String filter, Qos qos) {
        CoreFixture.Client sub = core.connect(clientId, true, FOREVER);
        sub.subscribe(filter, qos);
        sub.session.disconnected(DisconnectKind.NORMAL, OptionalLong.empty());
        core.settle();
        return sub;
    }

    @Test
    void anAcknowledgedMessageQueuedForAnOfflineSessionIsDeliveredAfterARestart() {
        offlineSubscriber("sub", "t", Qos.EXACTLY_ONCE);
        CoreFixture.Client pub = core.connect("pub", true, 0);
        assertThat(pub.publish("t", "one", Qos.AT_LEAST_ONCE, false)).isEqualTo(new PublishOutcome.Accepted(1));
        assertThat(pub.publish("t", "two", Qos.EXACTLY_ONCE, false)).isEqualTo(new PublishOutcome.Accepted(1));

        restart();
        CoreFixture.Client sub = core.connect("sub", false, FOREVER);

        assertThat(sub.sessionPresent).isTrue();
        assertThat(sub.received()).containsExactly("one", "two");
        // It may have reached the client before the restart: DUP says so [MQTT-4.4.0-1].
        assertThat(sub.outlet.deliveries).allMatch(Delivery::duplicate);
    }

    @Test
    void theOutcomeWaitsUntilThePersistentSessionsCopiesAreStored() {
        offlineSubscriber("sub", "t", Qos.AT_LEAST_ONCE);
        CoreFixture.Client pub = core.connect("pub", true, 0);
        store.holding = true;

        PublishOutcome outcome = pub.publish("t", "m", Qos.AT_LEAST_ONCE, false);
        core.settle();
        assertThat(outcome).as("before the store confirms").isNull();

        store.completeHeld();
        core.settle();
        assertThat(store.deliveriesOf("sub")).hasSize(1);
    }

    @Test
    void anUnconfirmedPublicationIsLostInACrashAndWasNeverAcknowledged() {
        offlineSubscriber("sub", "t", Qos.AT_LEAST_ONCE);
        CoreFixture.Client pub = core.connect("pub", true, 0);
        store.holding = true;
        AtomicReference<PublishOutcome> outcome = new AtomicReference<>();
        pub.session.publish(core.message("t", "lost", Qos.AT_LEAST_ONCE, false), outcome::set);
        core.settle();

        restart();

        assertThat(outcome.get()).isNull();
        assertThat(core.connect("sub", false, FOREVER).received()).isEmpty();
    }

    @Test
    void acknowledgementsLeaveInTheOrderOfThePublicationsEvenWhenOnlyTheFirstWaitsForTheStore() {
        offlineSubscriber("sub", "stored", Qos.AT_LEAST_ONCE);
        CoreFixture.Client pub = core.connect("pub", true, 0);
        store.holding = true;
        List<String> outcomes = new ArrayList<>();

        pub.session.publish(core.message("stored", "1", Qos.AT_LEAST_ONCE, false), o -> outcomes.add("stored"));
        pub.session.publish(core.message("nobody", "2", Qos.AT_LEAST_ONCE, false), o -> outcomes.add("nobody"));
        core.settle();
        assertThat(outcomes).as("the second waits behind the first").isEmpty();

        store.completeHeld();
        core.settle();
        assertThat(outcomes).containsExactly("stored", "nobody");
    }

    @Test
    void aQos2CopyReachesItsSubscriberOnlyOnceStoredWhileAQos1CopyGoesAtOnce() {
        CoreFixture.Client sub = core.connect("sub", true, FOREVER);
        sub.subscribe("t", Qos.EXACTLY_ONCE);
        CoreFixture.Client pub = core.connect("pub", true, 0);
        store.holding = true;

        pub.session.publish(core.message("t", "q1", Qos.AT_LEAST_ONCE, false), o -> {});
        pub.session.publishExactlyOnce(1, core.message("t", "q2", Qos.EXACTLY_ONCE, false), o -> {});
        assertThat(sub.received()).containsExactly("q1");

        store.completeHeld();
        assertThat(sub.received()).containsExactly("q1", "q2");
    }

    @Test
    void anInflightDeliveryIsResentAfterARestartWithDupAndTheSamePacketIdentifier() {
        CoreFixture.Client sub = core.connect("sub", true, FOREVER);
        sub.subscribe("t", Qos.EXACTLY_ONCE);
        core.publish("t", "a", Qos.EXACTLY_ONCE, false);
        core.publish("t", "b", Qos.AT_LEAST_ONCE, false);
        assertThat(sub.received()).containsExactly("a", "b");
        int a = sub.outlet.deliveries.get(0).packetId();
        int b = sub.outlet.deliveries.get(1).packetId();

        restart();
        CoreFixture.Client again = core.connect("sub", false, FOREVER);

        assertThat(again.received()).containsExactly("a", "b");
        assertThat(again.outlet.deliveries)
                .extracting(Delivery::packetId, Delivery::duplicate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a, true), org.assertj.core.groups.Tuple.tuple(b, true));
    }

    @Test
    void aQos2DeliveryTheClientReceivedGetsOnlyItsPubrelAfterARestart() {
        CoreFixture.Client sub = core.connect("sub", true, FOREVER);
        sub.subscribe("t", Qos.EXACTLY_ONCE);
        core.publish("t", "a", Qos.EXACTLY_ONCE, false);
        assertThat(sub.received()).containsExactly("a");
        int id = sub.outlet.deliveries.get(0).packetId();
        assertThat(sub.pubrec(id)).isTrue();

        restart();
        CoreFixture.Client again = core.connect("sub", false, FOREVER);

        assertThat(again.received()).isEmpty();
        assertThat(again.outlet.releases).containsExactly(id);
        again.session.completed(id);
        core.settle();
        assertThat(store.deliveriesOf("sub")).isEmpty();
    }

    @Test
    void pubrelWaitsUntilTheReleaseIsStored() {
        CoreFixture.Client sub = core.connect("sub", true, FOREVER);
        sub.subscribe("t", Qos.EXACTLY_ONCE);
        core.publish("t", "a", Qos.EXACTLY_ONCE, false);
        sub.received();
        int id = sub.outlet.deliveries.get(0).packetId();
        store.holding = true;
        AtomicReference<Boolean> known = new AtomicReference<>();

        sub.session.received(id, known::set);
        core.settle();
        assertThat(known.get()).isNull();

        store.completeHeld();
        core.settle();
        assertThat(known.get()).isTrue();
    }

    @Test
    void acknowledgedDeliveriesLeaveTheStore() {
        CoreFixture.Client sub = core.connect("sub", true, FOREVER);
        sub.subscribe("t", Qos.AT_LEAST_ONCE);
        core.publish("t", "a", Qos.AT_LEAST_ONCE, false);
        sub.received();
        assertThat(store.deliveriesOf("sub")).hasSize(1);

        sub.session.acknowledged(sub.outlet.deliveries.get(0).packetId());
        core.settle();

        assertThat(store.deliveriesOf("sub")).isEmpty();
    }

    @Test
    void subscriptionsAndRetainedMessagesSurviveARestart() {
        offlineSubscriber("sub", "sensors/+", Qos.AT_LEAST_ONCE);
        core.publish("sensors/1", "retained", Qos.AT_LEAST_ONCE, true);
        CoreFixture.Client watcher = core.connect("watcher", true, 0);
        watcher.received();

        restart();
        core.publish("sensors/2", "after", Qos.AT_LEAST_ONCE, false);
        CoreFixture.Client sub = core.connect("sub", false, FOREVER);
        CoreFixture.Client late = core.connect("late", true, 0);
        late.subscribe("sensors/#", Qos.AT_LEAST_ONCE);

        assertThat(sub.received()).containsExactly("retained", "after");
        assertThat(late.received()).containsExactly("retained");
    }

    @Test
    void aSessionThatEndsWithItsConnectionIsNeverStored() {
        CoreFixture.Client sub = core.connect("short", true, 0);
        sub.subscribe("t", Qos.AT_LEAST_ONCE);
        core.publish("t", "a", Qos.AT_LEAST_ONCE, false);
        sub.received();

        assertThat(store.hasSession("short")).isFalse();
        assertThat(store.deliveriesOf("short")).isEmpty();
    }

    @Test
    void aCleanStartRemovesTheStoredSession() {
        offlineSubscriber("sub", "t", Qos.AT_LEAST_ONCE);
        core.publish("t", "old", Qos.AT_LEAST_ONCE, false);

        CoreFixture.Client fresh = core.connect("sub", true, FOREVER);
        core.settle();
        restart();

        assertThat(store.deliveriesOf("sub")).isEmpty();
        assertThat(core.connect("sub", false, FOREVER).received()).isEmpty();
        assertThat(fresh.sessionPresent).isFalse();
    }

    @Test
    void anInboundQos2IdentifierIsStillHeldAfterARestartAndItsReleaseIsStoredBeforePubcomp() {
        CoreFixture.Client pub = core.connect("pub", true, FOREVER);
        assertThat(pub.session.beginExactlyOnce(9)).isTrue();
        pub.session.publishExactlyOnce(9, core.message("t", "x", Qos.EXACTLY_ONCE, false), o -> {});
        core.settle();

        restart();
        CoreFixture.Client again = core.connect("pub", false, FOREVER);
        assertThat(again.session.beginExactlyOnce(9))
                .as("a resend of 9 is not published again")
                .isFalse();

        store.holding = true;
        AtomicReference<Boolean> held = new AtomicReference<>();
        again.session.releaseExactlyOnce(9, held::set);
        core.settle();
        assertThat(held.get()).as("PUBCOMP waits for the store").isNull();
        store.completeHeld();
        core.settle();
        assertThat(held.get()).isTrue();
        assertThat(store.exactlyOnceOf("pub")).isEmpty();
    }

    @Test
    void aWillWhoseDelayPassedWhileTheBrokerWasDownIsPublishedAtStart() {
        CoreFixture.Client watcher = core.connect("watcher", true, FOREVER);
        watcher.subscribe("wills/#", Qos.AT_LEAST_ONCE);
        Message lastWords = core.message("wills/dev", "gone", Qos.AT_LEAST_ONCE, false);
        CoreFixture.Client dev = core.connect("dev", true, FOREVER, 65_535, Optional.of(new Will(lastWords, 30)));
        dev.session.disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty());
        core.settle();

        crash();
        time.advanceMillis(60_000); // the broker is down for a minute
        startAgain();

        assertThat(core.connect("watcher", false, FOREVER).received()).containsExactly("gone");
    }

    @Test
    void aWillOfAClientConnectedWhenTheBrokerDiedIsPublishedAfterItsDelayCountedFromTheRestart() {
        CoreFixture.Client watcher = core.connect("watcher", true, FOREVER);
        watcher.subscribe("wills/#", Qos.AT_LEAST_ONCE);
        Message lastWords = core.message("wills/dev", "gone", Qos.AT_LEAST_ONCE, false);
        core.connect("dev", true, FOREVER, 65_535, Optional.of(new Will(lastWords, 30)));

        restart();
        CoreFixture.Client again = core.connect("watcher", false, FOREVER);
        time.advanceMillis(29_000);
        assertThat(again.received()).isEmpty();
        time.advanceMillis(1_000);
        assertThat(again.received()).containsExactly("gone");
    }

    @Test
    void aSessionThatExpiredWhileTheBrokerWasDownIsDroppedAtStart() {
        offlineSubscriber("sub", "t", Qos.AT_LEAST_ONCE);
        CoreFixture.Client brief = core.connect("brief", true, 10);
        brief.subscribe("t", Qos.AT_LEAST_ONCE);
        brief.session.disconnected(DisconnectKind.NORMAL, OptionalLong.empty());
        core.publish("t", "m", Qos.AT_LEAST_ONCE, false);

        crash();
        time.advanceMillis(11_000);
        startAgain();

        assertThat(store.hasSession("brief")).isFalse();
        assertThat(store.hasSession("sub")).isTrue();
        assertThat(core.connect("brief", false, 10).sessionPresent).isFalse();
    }

    @Test
    void aMessageThatExpiredWhileTheBrokerWasDownIsDroppedAtStart() {
        offlineSubscriber("sub", "t", Qos.AT_LEAST_ONCE);
        Message shortLived = new Message(
                new dev.tern.api.topic.TopicName("t"),
                dev.tern.api.message.Payload.utf8("stale"),
                Qos.AT_LEAST_ONCE,
                false,
                dev.tern.api.message.MessageProperties.NONE,
                "",
                time.millis(),
                time.millis() + 5_000);
        core.sessions.publish(shortLived, o -> {});
        core.publish("t", "fresh", Qos.AT_LEAST_ONCE, false);

        crash();
        time.advanceMillis(6_000);
        startAgain();

        assertThat(core.connect("sub", false, FOREVER).received()).containsExactly("fresh");
        assertThat(store.deliveriesOf("sub")).hasSize(1);
    }

    @Test
    void whileTheDiskIsFullQos1PublicationsAreRefusedWithQuotaExceededAndQos0OnesStillFlow() {
        CoreFixture.Client sub = core.connect("sub", true, FOREVER);
        sub.subscribe("t", Qos.AT_LEAST_ONCE);
        store.failing = WriteResult.NO_SPACE;

        assertThat(core.publish("t", "q1", Qos.AT_LEAST_ONCE, false))
                .isEqualTo(new PublishOutcome.Refused(Refusal.QUOTA_EXCEEDED));
        assertThat(core.publish("t", "q0", Qos.AT_MOST_ONCE, false)).isEqualTo(new PublishOutcome.Accepted(1));

        store.failing = WriteResult.WRITTEN; // space came back
        assertThat(core.publish("t", "again", Qos.AT_LEAST_ONCE, false)).isEqualTo(new PublishOutcome.Accepted(1));
        assertThat(sub.received()).containsExactly("q0", "again");
    }

    @Test
    void aMessageTheQueueDropsLeavesTheStoreToo() {
        CoreSettings d = CoreSettings.defaults();
        CoreSettings two = new CoreSettings(
                d.maxConnections(),
                d.maxInflight(),
                2,
                d.maxQueuedBytes(),
                CoreSettings.QueueOverflow.DROP_OLDEST,
                d.queueQos0Offline(),
                d.maxSessionExpirySeconds(),
                d.maxSubscriptionsPerClient(),
                d.maxTopicLevels(),
                d.maxTopicLength(),
                d.maximumQos(),
                d.retainAvailable(),
                d.wildcardSubscriptionsAvailable(),
                d.sharedSubscriptionsAvailable(),
                d.subscriptionIdentifiersAvailable(),
                d.sysIntervalSeconds(),
                d.version());
        core = new CoreFixture(two, store, time);
        offlineSubscriber("sub", "t", Qos.AT_LEAST_ONCE);
        for (String payload : List.of("1", "2", "3")) {
            core.publish("t", payload, Qos.AT_LEAST_ONCE, false);
        }
        core.settle();

        // mqtt.max_queued_messages applies to what is stored: the oldest went from the queue and from the store.
        assertThat(store.deliveriesOf("sub"))
                .extracting(d2 -> d2.message().payload().toByteArray()[0])
                .containsExactly((byte) '2', (byte) '3');
    }

    @Test
    void newDeliveriesAfterARestartNeverReuseAnIdentifierStillInFlight() {
        CoreFixture.Client sub = core.connect("sub", true, FOREVER);
        sub.subscribe("t", Qos.AT_LEAST_ONCE);
        core.publish("t", "a", Qos.AT_LEAST_ONCE, false);
        sub.received();

        restart();
        CoreFixture.Client again = core.connect("sub", false, FOREVER);
        core.publish("t", "b", Qos.AT_LEAST_ONCE, false);

        assertThat(again.received()).containsExactly("a", "b");
        assertThat(again.outlet.deliveries).extracting(Delivery::packetId).doesNotHaveDuplicates();
    }
}
