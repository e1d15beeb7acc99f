package dev.tern.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Qos;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.RetainHandling;
import dev.tern.api.session.SubscriptionOptions;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private final CoreFixture core = new CoreFixture();

    @Test
    void aSubscriberReceivesMatchingMessagesDowngradedToItsMaximumQos() {
        CoreFixture.Client sub = core.connect("sub", true, 0);
        sub.subscribe("sensors/+/temp", Qos.AT_LEAST_ONCE);

        PublishOutcome outcome = core.publish("sensors/kitchen/temp", "21.5", Qos.EXACTLY_ONCE, false);

        assertThat(outcome).isEqualTo(new PublishOutcome.Accepted(1));
        assertThat(sub.received()).containsExactly("21.5");
        assertThat(sub.outlet.deliveries.get(0).qos()).isEqualTo(Qos.AT_LEAST_ONCE);
        assertThat(sub.outlet.deliveries.get(0).packetId()).isPositive();
    }

    @Test
    void aPublicationNobodyMatchesReportsZeroSubscribers() {
        assertThat(core.publish("nobody/listens", "x", Qos.AT_LEAST_ONCE, false))
                .isEqualTo(new PublishOutcome.Accepted(0));
    }

    @Test
    void overlappingSubscriptionsYieldOneCopyAtTheHighestQosWithEveryIdentifier() {
        CoreFixture.Client sub = core.connect("sub", true, 0);
        sub.subscribe(
                "a/#",
                new SubscriptionOptions(
                        Qos.AT_MOST_ONCE, false, false, RetainHandling.SEND_ON_SUBSCRIBE, OptionalInt.of(1)));
        sub.subscribe(
                "a/+",
                new SubscriptionOptions(
                        Qos.EXACTLY_ONCE, false, false, RetainHandling.SEND_ON_SUBSCRIBE, OptionalInt.of(2)));

        core.publish("a/b", "once", Qos.EXACTLY_ONCE, false);

        assertThat(sub.received()).containsExactly("once");
        assertThat(sub.outlet.deliveries.get(0).qos()).isEqualTo(Qos.EXACTLY_ONCE);
        assertThat(sub.outlet.deliveries.get(0).subscriptionIdentifiers()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void noLocalKeepsAClientsOwnMessagesFromIt() {
        CoreFixture.Client client = core.connect("me", true, 0);
        client.subscribe(
                "chat",
                new SubscriptionOptions(
                        Qos.AT_MOST_ONCE, true, false, RetainHandling.SEND_ON_SUBSCRIBE, OptionalInt.empty()));
        CoreFixture.Client other = core.connect("other", true, 0);

        client.publish("chat", "mine", Qos.AT_MOST_ONCE, false);
        other.publish("chat", "theirs", Qos.AT_MOST_ONCE, false);

        assertThat(client.received()).containsExactly("theirs");
    }

    @Test
    void aLeadingWildcardDoesNotReceiveDollarTopics() {
        CoreFixture.Client all = core.connect("all", true, 0);
        all.subscribe("#", Qos.AT_MOST_ONCE);
        CoreFixture.Client sys = core.connect("sys", true, 0);
        sys.subscribe("$SYS/#", Qos.AT_MOST_ONCE);

        core.publish("$SYS/broker/uptime", "5 seconds", Qos.AT_MOST_ONCE, false);

        assertThat(all.received()).isEmpty();
        assertThat(sys.received()).containsExactly("5 seconds");
    }

    @Test
    void liveMessagesLoseTheirRetainFlagUnlessRetainAsPublished() {
        CoreFixture.Client plain = core.connect("plain", true, 0);
        plain.subscribe("t", Qos.AT_MOST_ONCE);
        CoreFixture.Client keeps = core.connect("keeps", true, 0);
        keeps.subscribe(
                "t",
                new SubscriptionOptions(
                        Qos.AT_MOST_ONCE, false, true, RetainHandling.SEND_ON_SUBSCRIBE, OptionalInt.empty()));

        core.publish("t", "r", Qos.AT_MOST_ONCE, true);

        core.settle();
        core.settle();
        assertThat(plain.outlet.deliveries.get(0).retain()).isFalse();
        assertThat(keeps.outlet.deliveries.get(0).retain()).isTrue();
    }

    @Test
    void sharedSubscriptionsSpreadMessagesRoundRobin() {
        CoreFixture.Client one = core.connect("one", true, 0);
        CoreFixture.Client two = core.connect("two", true, 0);
        one.subscribe("$share/workers/jobs", Qos.AT_MOST_ONCE);
        two.subscribe("$share/workers/jobs", Qos.AT_MOST_ONCE);

        for (int i = 0; i < 6; i++) {
            core.publish("jobs", "job" + i, Qos.AT_MOST_ONCE, false);
        }

        assertThat(one.received()).hasSize(3);
        assertThat(two.received()).hasSize(3);
    }
}
