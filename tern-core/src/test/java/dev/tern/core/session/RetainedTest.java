package dev.tern.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Qos;
import dev.tern.api.session.RetainHandling;
import dev.tern.api.session.SubscriptionOptions;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetainedTest {
    private final CoreFixture core = new CoreFixture();

    private static SubscriptionOptions handling(RetainHandling handling) {
        return new SubscriptionOptions(Qos.AT_LEAST_ONCE, false, false, handling, OptionalInt.empty());
    }

    @Test
    void aNewSubscriptionGetsTheLatestRetainedMessageOfEachMatchingTopicWithRetainSet() {
        core.publish("home/kitchen", "old", Qos.AT_LEAST_ONCE, true);
        core.publish("home/kitchen", "new", Qos.AT_LEAST_ONCE, true);
        core.publish("home/garage", "closed", Qos.AT_MOST_ONCE, true);

        CoreFixture.Client sub = core.connect("sub", true, 0);
        sub.subscribe("home/+", Qos.EXACTLY_ONCE);

        assertThat(sub.received()).containsExactlyInAnyOrder("new", "closed");
        assertThat(sub.outlet.deliveries).allSatisfy(d -> assertThat(d.retain()).isTrue());
    }

    @Test
    void anEmptyRetainedPayloadDeletesTheRetainedMessage() {
        core.publish("home/kitchen", "on", Qos.AT_LEAST_ONCE, true);
        core.publish("home/kitchen", "", Qos.AT_LEAST_ONCE, true);

        CoreFixture.Client sub = core.connect("sub", true, 0);
        sub.subscribe("home/#", Qos.AT_LEAST_ONCE);

        assertThat(sub.received()).isEmpty();
        assertThat(core.sessions.retainedCount()).isZero();
    }

    @Test
    void retainHandlingOneSendsOnlyForANewSubscriptionAndTwoNever() {
        core.publish("t", "r", Qos.AT_LEAST_ONCE, true);
        CoreFixture.Client sub = core.connect("sub", true, 0);

        sub.subscribe("t", handling(RetainHandling.SEND_IF_NEW_SUBSCRIPTION));
        sub.subscribe("t", handling(RetainHandling.SEND_IF_NEW_SUBSCRIPTION));
        sub.subscribe("t/#", handling(RetainHandling.DO_NOT_SEND));

        assertThat(sub.received()).containsExactly("r");
    }

    @Test
    void retainedMessagesAreSentAfterTheSubscribeReturns() {
        core.publish("t", "r", Qos.AT_LEAST_ONCE, true);
        CoreFixture.Client sub = core.connect("sub", true, 0);

        sub.session.subscribe(
                java.util.List.of(new dev.tern.api.session.Subscribe(
                        dev.tern.api.topic.TopicFilter.of("t"), SubscriptionOptions.of(Qos.AT_LEAST_ONCE))),
                results -> {});

        assertThat(sub.outlet.deliveries).isEmpty(); // the SUBACK goes out first
        assertThat(sub.received()).containsExactly("r");
    }

    @Test
    void anExpiredRetainedMessageIsNotDelivered() {
        dev.tern.api.message.Message expiring = new dev.tern.api.message.Message(
                new dev.tern.api.topic.TopicName("t"),
                dev.tern.api.message.Payload.utf8("gone"),
                Qos.AT_LEAST_ONCE,
                true,
                dev.tern.api.message.MessageProperties.NONE,
                "",
                core.time.millis(),
                core.time.millis() + 5_000);
        core.sessions.publish(expiring, outcome -> {});
        core.time.advanceMillis(5_000);

        CoreFixture.Client sub = core.connect("sub", true, 0);
        sub.subscribe("t", Qos.AT_LEAST_ONCE);

        assertThat(sub.received()).isEmpty();
    }
}
