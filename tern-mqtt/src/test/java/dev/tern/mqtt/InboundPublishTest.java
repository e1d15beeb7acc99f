package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import dev.tern.api.message.UserProperty;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.Refusal;
import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PubRelPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** PUBLISH from clients and its QoS 1 and 2 flows (sections 3.3 to 3.7, 4.3). */
class InboundPublishTest {
    private static ChannelHarness connected(MqttVersion version) {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(version);
        return harness;
    }

    @Test
    void a_qos0_message_is_published_with_one_copy_of_its_payload_and_the_packet_is_released() {
        ChannelHarness harness = connected(MqttVersion.V3_1_1);
        PublishPacket publish = Packets.publish(MqttQos.AT_MOST_ONCE, "sensors/1", 0, "21.5");

        List<Action> actions = harness.in(publish);

        assertThat(actions).isEmpty();
        assertThat(publish.refCnt()).isZero();
        Message message = harness.session().published.getFirst();
        assertThat(message.topic().value()).isEqualTo("sensors/1");
        assertThat(new String(message.payload().sharedArray(), StandardCharsets.UTF_8))
                .isEqualTo("21.5");
        assertThat(message.qos()).isEqualTo(Qos.AT_MOST_ONCE);
        assertThat(message.originClientId()).isEqualTo("client-1");
        assertThat(message.createdAtMillis()).isEqualTo(ChannelHarness.START_MILLIS);
        assertThat(message.expires()).isFalse();
    }

    @Test
    void a_v5_publication_keeps_its_properties_and_expiry() {
        ChannelHarness harness = connected(MqttVersion.V5);
        MqttProperties properties = Packets.properties()
                .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, 60)
                .put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                .put(PropertyId.CONTENT_TYPE, "application/json")
                .put(PropertyId.RESPONSE_TOPIC, "replies/1")
                .put(PropertyId.CORRELATION_DATA, new BinaryData(new byte[] {9}))
                .addUserProperty("a", "1")
                .addUserProperty("a", "2")
                .build();

        harness.in(Packets.publish(MqttQos.AT_MOST_ONCE, "t", 0, "{}", properties));

        Message message = harness.session().published.getFirst();
        assertThat(message.expiresAtMillis()).isEqualTo(ChannelHarness.START_MILLIS + 60_000);
        assertThat(message.properties().payloadIsUtf8()).isTrue();
        assertThat(message.properties().contentType()).contains("application/json");
        assertThat(message.properties().responseTopic().orElseThrow().value()).isEqualTo("replies/1");
        assertThat(message.properties().correlationData().orElseThrow().toByteArray())
                .containsExactly(9);
        assertThat(message.properties().userProperties())
                .containsExactly(new UserProperty("a", "1"), new UserProperty("a", "2"));
    }

    @Test
    void a_qos1_publication_is_acknowledged_with_its_outcome() {
        assertThat(puback(MqttVersion.V5, new PublishOutcome.Accepted(3))).isEqualTo("40 02 00 07");
        // 0x10 No matching subscribers.
        assertThat(puback(MqttVersion.V5, new PublishOutcome.Accepted(0))).isEqualTo("40 03 00 07 10");
        assertThat(puback(MqttVersion.V5, new PublishOutcome.Refused(Refusal.NOT_AUTHORIZED)))
                .isEqualTo("40 03 00 07 87");
        assertThat(puback(MqttVersion.V5, new PublishOutcome.Refused(Refusal.QUOTA_EXCEEDED)))
                .isEqualTo("40 03 00 07 97");
        // 3.1.1 cannot refuse a publication: it is acknowledged all the same, as Mosquitto does.
        assertThat(puback(MqttVersion.V3_1_1, new PublishOutcome.Refused(Refusal.NOT_AUTHORIZED)))
                .isEqualTo("40 02 00 07");
    }

    @Test
    void a_v311_publication_the_store_could_not_keep_is_not_acknowledged_and_the_connection_closes() {
        ChannelHarness harness = connected(MqttVersion.V3_1_1);
        harness.session().outcome = new PublishOutcome.Refused(Refusal.QUOTA_EXCEEDED);

        List<Action> actions = harness.in(Packets.publish(MqttQos.AT_LEAST_ONCE, "t", 7, "x"));

        assertThat(Wire.sent(actions)).isEmpty();
        assertThat(actions).anyMatch(action -> action instanceof Action.Close);
    }

    @Test
    void a_v311_qos2_publication_the_store_could_not_keep_is_published_when_resent_after_reconnecting() {
        ChannelHarness harness = connected(MqttVersion.V3_1_1);
        harness.session().outcome = new PublishOutcome.Refused(Refusal.QUOTA_EXCEEDED);

        harness.in(Packets.publish(MqttQos.EXACTLY_ONCE, "t", 7, "x"));

        // Not held: the resend after reconnecting is a new attempt, not a duplicate to swallow.
        assertThat(harness.session().exactlyOnce).doesNotContain(7);
    }

    private static String puback(MqttVersion version, PublishOutcome outcome) {
        ChannelHarness harness = connected(version);
        harness.session().outcome = outcome;
        List<Action> actions = harness.in(Packets.publish(MqttQos.AT_LEAST_ONCE, "t", 7, "x"));
        assertThat(actions).hasSize(1);
        return Wire.sent(actions).getFirst();
    }

    @Test
    void an_outcome_that_comes_later_sends_its_puback_through_the_sink() {
        ChannelHarness harness = connected(MqttVersion.V5);
        harness.session().holdOutcomes = true;

        List<Action> actions = harness.in(Packets.publish(MqttQos.AT_LEAST_ONCE, "t", 7, "x"));
        harness.session().heldOutcomes.getFirst().accept(new PublishOutcome.Accepted(1));

        assertThat(actions).isEmpty();
        assertThat(Wire.describe(harness.later)).containsExactly("40 02 00 07");
    }

    @Test
    void a_qos2_message_is_published_once_however_often_it_is_resent() {
        ChannelHarness harness = connected(MqttVersion.V5);
        PublishPacket resend =
                Packets.publish(MqttQos.EXACTLY_ONCE, "t", 7, "x").withHeader(true, MqttQos.EXACTLY_ONCE, false, 7);

        List<Action> first = harness.in(Packets.publish(MqttQos.EXACTLY_ONCE, "t", 7, "x"));
        List<Action> again = harness.in(resend);
        List<Action> released = harness.in(PubRelPacket.of(7));

        // [MQTT-4.3.3-10]
        assertThat(Wire.sent(first)).containsExactly("50 02 00 07");
        assertThat(Wire.sent(again)).containsExactly("50 02 00 07");
        assertThat(Wire.sent(released)).containsExactly("70 02 00 07");
        assertThat(harness.session().published).hasSize(1);
        assertThat(harness.session().exactlyOnce).isEmpty();
        assertThat(resend.refCnt()).isZero();
    }

    @Test
    void pubrel_for_an_unknown_identifier_is_answered_with_0x92_in_v5_and_plainly_in_v311() {
        ChannelHarness v5 = connected(MqttVersion.V5);
        ChannelHarness v311 = connected(MqttVersion.V3_1_1);

        assertThat(Wire.sent(v5.in(PubRelPacket.of(7)))).containsExactly("70 03 00 07 92");
        assertThat(Wire.sent(v311.in(PubRelPacket.of(7)))).containsExactly("70 02 00 07");
    }

    @Test
    void a_refused_v5_qos2_message_gets_an_error_pubrec_and_frees_its_identifier() {
        ChannelHarness harness = connected(MqttVersion.V5);
        harness.session().outcome = new PublishOutcome.Refused(Refusal.NOT_AUTHORIZED);

        List<Action> actions = harness.in(Packets.publish(MqttQos.EXACTLY_ONCE, "t", 7, "x"));

        assertThat(Wire.sent(actions)).containsExactly("50 03 00 07 87");
        assertThat(harness.session().exactlyOnce).isEmpty();
    }

    @Test
    void a_refused_v311_qos2_message_keeps_its_identifier_until_pubrel() {
        ChannelHarness harness = connected(MqttVersion.V3_1_1);
        harness.session().outcome = new PublishOutcome.Refused(Refusal.NOT_AUTHORIZED);

        List<Action> actions = harness.in(Packets.publish(MqttQos.EXACTLY_ONCE, "t", 7, "x"));

        assertThat(Wire.sent(actions)).containsExactly("50 02 00 07");
        assertThat(harness.session().exactlyOnce).containsExactly(7);
    }

    @Test
    void a_payload_marked_utf8_that_is_not_is_refused_with_0x99() {
        ChannelHarness harness = connected(MqttVersion.V5);
        MqttProperties utf8 =
                Packets.properties().put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1).build();
        PublishPacket publish = new PublishPacket(
                false,
                MqttQos.AT_LEAST_ONCE,
                false,
                "t",
                7,
                utf8,
                ByteBufAllocator.DEFAULT.buffer().writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28}));

        List<Action> actions = harness.in(publish);

        assertThat(Wire.sent(actions)).containsExactly("40 03 00 07 99");
        assertThat(harness.session().published).isEmpty();
        assertThat(publish.refCnt()).isZero();
    }

    @Test
    void more_unacknowledged_publications_than_the_receive_maximum_disconnect_with_0x93() {
        MqttSettings two = ChannelHarness.settings(2, 64, 65_535, Qos.EXACTLY_ONCE, true, true, true, true, true);
        ChannelHarness harness = new ChannelHarness(two);
        harness.connect(MqttVersion.V5);
        harness.session().holdOutcomes = true;

        harness.in(Packets.publish(MqttQos.AT_LEAST_ONCE, "t", 1, "x"));
        harness.in(Packets.publish(MqttQos.EXACTLY_ONCE, "t", 2, "x"));
        List<Action> third = harness.in(Packets.publish(MqttQos.EXACTLY_ONCE, "t", 3, "x"));

        assertThat(((DisconnectPacket) Wire.packets(third).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.RECEIVE_MAXIMUM_EXCEEDED);
        assertThat(third.getLast()).isInstanceOf(Action.Close.class);
        // The refused message's identifier is not kept: a resend after reconnecting is published.
        assertThat(harness.session().exactlyOnce).containsExactly(2);
        assertThat(harness.session().published).hasSize(2);
        assertThat(harness.traffic.limitsExceeded).containsExactly(Traffic.Limit.RECEIVE_MAXIMUM);
        assertThat(harness.session().disconnects)
                .containsExactly(new FakeSession.Disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty()));
    }

    @Test
    void an_mqtt311_client_which_was_never_told_a_receive_maximum_may_exceed_it() {
        MqttSettings two = ChannelHarness.settings(2, 64, 65_535, Qos.EXACTLY_ONCE, true, true, true, true, true);
        ChannelHarness harness = new ChannelHarness(two);
        harness.connect(MqttVersion.V3_1_1);
        harness.session().holdOutcomes = true;

        harness.in(Packets.publish(MqttQos.AT_LEAST_ONCE, "t", 1, "x"));
        for (int packetId = 2; packetId <= 5; packetId++) {
            List<Action> actions = harness.in(Packets.publish(MqttQos.EXACTLY_ONCE, "t", packetId, "x"));
            assertThat(actions).noneMatch(action -> action instanceof Action.Close);
        }

        assertThat(harness.session().exactlyOnce).containsExactlyInAnyOrder(2, 3, 4, 5);
        assertThat(harness.session().published).hasSize(5);
        assertThat(harness.session().disconnects).isEmpty();
    }

    @Test
    void acknowledged_publications_free_their_place_in_the_receive_maximum() {
        MqttSettings one = ChannelHarness.settings(1, 64, 65_535, Qos.EXACTLY_ONCE, true, true, true, true, true);
        ChannelHarness harness = new ChannelHarness(one);
        harness.connect(MqttVersion.V5);

        harness.in(Packets.publish(MqttQos.AT_LEAST_ONCE, "t", 1, "x"));
        harness.in(Packets.publish(MqttQos.EXACTLY_ONCE, "t", 2, "x"));
        harness.in(PubRelPacket.of(2));
        List<Action> fourth = harness.in(Packets.publish(MqttQos.AT_LEAST_ONCE, "t", 3, "x"));

        assertThat(Wire.sent(fourth)).containsExactly("40 02 00 03");
    }

    @Test
    void a_qos_above_the_maximum_disconnects_with_0x9b_and_retain_when_unavailable_with_0x9a() {
        MqttSettings limited =
                ChannelHarness.settings(10, 64, 65_535, Qos.AT_LEAST_ONCE, false, true, true, true, true);
        ChannelHarness qos = new ChannelHarness(limited);
        ChannelHarness retain = new ChannelHarness(limited);
        qos.connect(MqttVersion.V5);
        retain.connect(MqttVersion.V5);
        PublishPacket retained =
                Packets.publish(MqttQos.AT_MOST_ONCE, "t", 0, "x").withHeader(false, MqttQos.AT_MOST_ONCE, true, 0);

        List<Action> qosRefused = qos.in(Packets.publish(MqttQos.EXACTLY_ONCE, "t", 1, "x"));
        List<Action> retainRefused = retain.in(retained);

        assertThat(((DisconnectPacket) Wire.packets(qosRefused).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.QOS_NOT_SUPPORTED);
        assertThat(((DisconnectPacket) Wire.packets(retainRefused).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.RETAIN_NOT_SUPPORTED);
        assertThat(qos.traffic.limitsExceeded).containsExactly(Traffic.Limit.MAXIMUM_QOS);
        assertThat(retain.traffic.limitsExceeded).isEmpty();
        assertThat(retained.refCnt()).isZero();
    }

    @Test
    void a_response_topic_with_a_wildcard_is_a_protocol_error() {
        ChannelHarness harness = connected(MqttVersion.V5);
        MqttProperties properties =
                Packets.properties().put(PropertyId.RESPONSE_TOPIC, "replies/#").build();

        List<Action> actions = harness.in(Packets.publish(MqttQos.AT_MOST_ONCE, "t", 0, "x", properties));

        assertThat(((DisconnectPacket) Wire.packets(actions).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }
}
