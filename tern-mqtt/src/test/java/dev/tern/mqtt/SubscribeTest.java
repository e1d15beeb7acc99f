package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Qos;
import dev.tern.api.session.Refusal;
import dev.tern.api.session.RetainHandling;
import dev.tern.api.session.Subscribe;
import dev.tern.api.session.SubscribeResult;
import dev.tern.api.session.UnsubscribeResult;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.mqtt.codec.SubscribePacket;
import dev.tern.mqtt.codec.Subscription;
import dev.tern.mqtt.codec.SubscriptionOptions;
import dev.tern.mqtt.codec.UnsubscribePacket;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** SUBSCRIBE and UNSUBSCRIBE (sections 3.8 to 3.11). */
class SubscribeTest {
    private static SubscribePacket subscribe(MqttProperties properties, String... filters) {
        List<Subscription> subscriptions = java.util.Arrays.stream(filters)
                .map(filter -> new Subscription(filter, SubscriptionOptions.of(MqttQos.EXACTLY_ONCE)))
                .toList();
        return new SubscribePacket(1, subscriptions, properties);
    }

    @Test
    void a_v311_suback_grants_qos_per_filter_and_fails_refused_ones_with_0x80() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V3_1_1);
        harness.session().subscribeAnswer = subscribe ->
                subscribe.filter().text().startsWith("secret")
                        ? new SubscribeResult.Refused(Refusal.NOT_AUTHORIZED)
                        : new SubscribeResult.Granted(Qos.AT_LEAST_ONCE);

        List<Action> actions = harness.in(subscribe(MqttProperties.EMPTY, "a/b", "secret/#"));

        assertThat(Wire.describe(actions)).containsExactly("90 04 00 01 01 80");
    }

    @Test
    void v5_options_and_the_subscription_identifier_reach_the_session() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);
        SubscribePacket packet = new SubscribePacket(
                1,
                List.of(new Subscription(
                        "$share/g/a/+",
                        new SubscriptionOptions(
                                MqttQos.EXACTLY_ONCE, false, true, dev.tern.mqtt.codec.RetainHandling.DO_NOT_SEND))),
                Packets.properties().addSubscriptionIdentifier(42).build());

        List<Action> actions = harness.in(packet);

        assertThat(Wire.describe(actions)).containsExactly("90 04 00 01 00 02");
        Subscribe subscribed = harness.session().subscribed.getFirst().getFirst();
        assertThat(subscribed.filter().filter()).isEqualTo("a/+");
        assertThat(subscribed.filter().shareGroup()).contains("g");
        assertThat(subscribed.options().maximumQos()).isEqualTo(Qos.EXACTLY_ONCE);
        assertThat(subscribed.options().noLocal()).isFalse();
        assertThat(subscribed.options().retainAsPublished()).isTrue();
        assertThat(subscribed.options().retainHandling()).isEqualTo(RetainHandling.DO_NOT_SEND);
        assertThat(subscribed.options().subscriptionIdentifier()).isEqualTo(OptionalInt.of(42));
    }

    @Test
    void v5_refusals_get_their_own_reason_codes() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);
        Map<String, Refusal> refusals = Map.of(
                "na", Refusal.NOT_AUTHORIZED,
                "quota", Refusal.QUOTA_EXCEEDED,
                "invalid", Refusal.TOPIC_FILTER_INVALID,
                "shared", Refusal.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED,
                "ids", Refusal.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED,
                "wild", Refusal.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED,
                "impl", Refusal.IMPLEMENTATION_SPECIFIC);
        harness.session().subscribeAnswer = subscribe ->
                new SubscribeResult.Refused(refusals.get(subscribe.filter().filter()));

        SubAckPacket subAck = (SubAckPacket) Wire.packets(harness.in(
                        subscribe(MqttProperties.EMPTY, "na", "quota", "invalid", "shared", "ids", "wild", "impl")))
                .getFirst();

        assertThat(subAck.reasonCodes())
                .containsExactly(
                        ReasonCode.NOT_AUTHORIZED,
                        ReasonCode.QUOTA_EXCEEDED,
                        ReasonCode.TOPIC_FILTER_INVALID,
                        ReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED,
                        ReasonCode.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED,
                        ReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED,
                        ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
    }

    @Test
    void a_requested_qos_above_the_server_maximum_is_granted_at_the_maximum() {
        MqttSettings qos1 = ChannelHarness.settings(1024, 64, 65_535, Qos.AT_LEAST_ONCE, true, true, true, true, true);
        ChannelHarness harness = new ChannelHarness(qos1);
        harness.connect(MqttVersion.V5);

        List<Action> actions = harness.in(subscribe(MqttProperties.EMPTY, "a"));

        assertThat(Wire.describe(actions)).containsExactly("90 04 00 01 00 01");
        assertThat(harness.session().subscribed.getFirst().getFirst().options().maximumQos())
                .isEqualTo(Qos.AT_LEAST_ONCE);
    }

    @Test
    void features_switched_off_are_protocol_errors_for_v5_after_connack_said_so() {
        assertThat(disconnectCode(
                        ChannelHarness.settings(1024, 64, 65_535, Qos.EXACTLY_ONCE, true, true, true, false, true),
                        subscribe(
                                Packets.properties()
                                        .addSubscriptionIdentifier(1)
                                        .build(),
                                "a")))
                .isEqualTo(ReasonCode.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED);
        assertThat(disconnectCode(
                        ChannelHarness.settings(1024, 64, 65_535, Qos.EXACTLY_ONCE, true, false, true, true, true),
                        subscribe(MqttProperties.EMPTY, "a", "a/#")))
                .isEqualTo(ReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED);
        assertThat(disconnectCode(
                        ChannelHarness.settings(1024, 64, 65_535, Qos.EXACTLY_ONCE, true, true, false, true, true),
                        subscribe(MqttProperties.EMPTY, "$share/g/a")))
                .isEqualTo(ReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED);
    }

    private static ReasonCode disconnectCode(MqttSettings settings, SubscribePacket packet) {
        ChannelHarness harness = new ChannelHarness(settings);
        harness.connect(MqttVersion.V5);
        List<Action> actions = harness.in(packet);
        assertThat(harness.session().subscribed).isEmpty();
        assertThat(actions.getLast()).isInstanceOf(Action.Close.class);
        return ((DisconnectPacket) Wire.packets(actions).getFirst()).reasonCode();
    }

    @Test
    void a_v311_client_gets_0x80_for_filters_using_a_feature_switched_off() {
        MqttSettings noWildcards =
                ChannelHarness.settings(1024, 64, 65_535, Qos.EXACTLY_ONCE, true, false, false, true, true);
        ChannelHarness harness = new ChannelHarness(noWildcards);
        harness.connect(MqttVersion.V3_1_1);

        List<Action> actions = harness.in(subscribe(MqttProperties.EMPTY, "a/#", "a", "$share/g/a"));

        assertThat(Wire.describe(actions)).containsExactly("90 05 00 01 80 02 80");
        assertThat(harness.session().subscribed.getFirst()).hasSize(1);
    }

    @Test
    void a_session_taken_over_meanwhile_answers_nothing_and_no_suback_goes_out() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);
        // The core's handle of a session another connection took over never answers: the connection is closing.
        harness.session().detached = true;

        List<Action> actions = harness.in(subscribe(MqttProperties.EMPTY, "a", "b"));

        assertThat(actions).isEmpty();
    }

    @Test
    void unsuback_carries_a_code_per_filter_in_v5_and_none_in_v311() {
        ChannelHarness v5 = new ChannelHarness();
        ChannelHarness v311 = new ChannelHarness();
        v5.connect(MqttVersion.V5);
        v311.connect(MqttVersion.V3_1_1);
        v5.session().unsubscribeAnswer = filter ->
                filter.filter().equals("a") ? UnsubscribeResult.REMOVED : UnsubscribeResult.NO_SUBSCRIPTION_EXISTED;
        UnsubscribePacket unsubscribe = new UnsubscribePacket(2, List.of("a", "b"), MqttProperties.EMPTY);

        assertThat(Wire.describe(v5.in(unsubscribe))).containsExactly("b0 05 00 02 00 00 11");
        assertThat(Wire.describe(v311.in(unsubscribe))).containsExactly("b0 02 00 02");
        assertThat(v5.session().unsubscribed.getFirst()).hasSize(2);
    }
}
