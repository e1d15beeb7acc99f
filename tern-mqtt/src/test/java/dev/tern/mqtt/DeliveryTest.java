package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Message;
import dev.tern.api.message.MessageProperties;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.message.UserProperty;
import dev.tern.api.session.CloseReason;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DeliveryOutcome;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.topic.TopicName;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PubCompPacket;
import dev.tern.mqtt.codec.PubRecPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Deliveries to the client through the outlet, and the client's acknowledgements of them (sections 3.3 to 3.7). */
class DeliveryTest {
    private static Message message(Payload payload, MessageProperties properties, long expiresAt) {
        return new Message(
                new TopicName("t"),
                payload,
                Qos.AT_LEAST_ONCE,
                false,
                properties,
                "publisher",
                ChannelHarness.START_MILLIS,
                expiresAt);
    }

    private static Delivery plain(int packetId) {
        return new Delivery(
                message(Payload.utf8("x"), MessageProperties.NONE, Message.NEVER_EXPIRES),
                Qos.AT_LEAST_ONCE,
                packetId,
                false,
                false,
                List.of());
    }

    @Test
    void a_v311_delivery_carries_dup_qos_retain_and_packet_identifier_and_no_properties() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V3_1_1);
        Message message = message(
                Payload.utf8("x"),
                new MessageProperties(true, Optional.of("text/plain"), Optional.empty(), Optional.empty(), List.of()),
                Message.NEVER_EXPIRES);

        MqttChannel.Delivered delivered =
                harness.channel.deliver(new Delivery(message, Qos.AT_LEAST_ONCE, 5, true, true, List.of(1)));

        assertThat(delivered.outcome()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(Wire.describe(delivered.actions())).containsExactly("3b 06 00 01 74 00 05 78");
    }

    @Test
    void a_v5_delivery_forwards_the_properties_counts_expiry_down_and_names_the_subscriptions() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);
        MessageProperties properties = new MessageProperties(
                true,
                Optional.of("text/plain"),
                Optional.of(new TopicName("replies/1")),
                Optional.of(Payload.copyOf(new byte[] {7})),
                List.of(new UserProperty("k", "v")));
        Message message = message(Payload.utf8("hello"), properties, ChannelHarness.START_MILLIS + 60_000);
        harness.clock.advanceMillis(10_500);

        MqttChannel.Delivered delivered =
                harness.channel.deliver(new Delivery(message, Qos.AT_LEAST_ONCE, 5, false, false, List.of(1, 300)));

        PublishPacket publish =
                (PublishPacket) Wire.packets(delivered.actions()).getFirst();
        try {
            MqttProperties sent = publish.properties();
            // [MQTT-3.3.2-6] 49.5 s left, rounded up.
            assertThat(sent.messageExpiryInterval()).hasValue(50);
            assertThat(sent.payloadFormatIndicator()).hasValue(1);
            assertThat(sent.contentType()).contains("text/plain");
            assertThat(sent.responseTopic()).contains("replies/1");
            assertThat(sent.correlationData().orElseThrow().bytes()).containsExactly(7);
            assertThat(sent.userProperties()).containsExactly(new dev.tern.mqtt.codec.UserProperty("k", "v"));
            // [MQTT-3.3.4-3] every matching subscription's identifier.
            assertThat(sent.subscriptionIdentifiers()).containsExactly(1, 300);
            // The payload is the message's own array, wrapped, not copied.
            assertThat(publish.payload().array()).isSameAs(message.payload().sharedArray());
        } finally {
            publish.release();
        }
    }

    @Test
    void a_delivery_larger_than_the_client_maximum_packet_size_is_dropped_and_counted() {
        ChannelHarness harness = new ChannelHarness();
        harness.in(Packets.connect(
                MqttVersion.V5,
                "c",
                true,
                60,
                Packets.properties().put(PropertyId.MAXIMUM_PACKET_SIZE, 64).build()));
        Message big = message(Payload.wrapOwned(new byte[100]), MessageProperties.NONE, Message.NEVER_EXPIRES);

        MqttChannel.Delivered delivered =
                harness.channel.deliver(new Delivery(big, Qos.AT_LEAST_ONCE, 5, false, false, List.of()));

        // [MQTT-3.1.2-25] discarded as if delivered.
        assertThat(delivered.outcome()).isEqualTo(DeliveryOutcome.DROPPED_TOO_LARGE);
        assertThat(delivered.actions()).isEmpty();
        assertThat(harness.traffic.dropped).containsExactly(Traffic.DropReason.TOO_LARGE_FOR_CLIENT);
    }

    @Test
    void a_message_that_expired_before_it_went_out_is_not_sent() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);
        Message expiring = message(Payload.utf8("x"), MessageProperties.NONE, ChannelHarness.START_MILLIS + 1_000);
        harness.clock.advanceMillis(1_000);

        MqttChannel.Delivered delivered =
                harness.channel.deliver(new Delivery(expiring, Qos.AT_LEAST_ONCE, 5, false, false, List.of()));

        assertThat(delivered.actions()).isEmpty();
        assertThat(harness.traffic.dropped).containsExactly(Traffic.DropReason.EXPIRED);
    }

    @Test
    void the_core_delivers_and_flushes_through_the_outlet_it_was_given() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V3_1_1);

        DeliveryOutcome outcome = harness.broker.outlet.deliver(plain(5));
        harness.broker.outlet.flush();

        assertThat(outcome).isEqualTo(DeliveryOutcome.SENT);
        assertThat(Wire.describe(harness.outletActions)).containsExactly("32 06 00 01 74 00 05 78", "Flush[]");
    }

    @Test
    void the_clients_acknowledgements_reach_the_session() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);
        FakeSession session = harness.session();
        session.awaitingRelease.add(6);

        List<Action> puback = harness.in(PubAckPacket.of(5));
        List<Action> pubrec = harness.in(PubRecPacket.of(6));
        List<Action> refused = harness.in(new PubRecPacket(7, ReasonCode.QUOTA_EXCEEDED, MqttProperties.EMPTY));
        List<Action> unknown = harness.in(PubRecPacket.of(8));
        List<Action> pubcomp = harness.in(PubCompPacket.of(6));

        assertThat(puback).isEmpty();
        assertThat(Wire.sent(pubrec)).containsExactly("62 02 00 06");
        // A PUBREC with an error ends the flow: no PUBREL.
        assertThat(refused).isEmpty();
        assertThat(Wire.sent(unknown)).containsExactly("62 03 00 08 92");
        assertThat(pubcomp).isEmpty();
        assertThat(session.acks)
                .containsExactly("acknowledged 5", "received 6", "acknowledged 7", "received 8", "completed 6");
    }

    @Test
    void a_release_is_resent_on_request_of_the_core() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V3_1_1);

        assertThat(Wire.sent(harness.channel.resendRelease(9))).containsExactly("62 02 00 09");
    }

    @Test
    void the_core_closing_a_v5_connection_says_why_with_disconnect() {
        assertThat(closed(MqttVersion.V5, CloseReason.SESSION_TAKEN_OVER))
                .containsExactly("e0 01 8e", "Close[reason=closed by the broker: 0x8E Session taken over]");
        assertThat(closed(MqttVersion.V5, CloseReason.SERVER_SHUTTING_DOWN))
                .first()
                .isEqualTo("e0 01 8b");
        assertThat(closed(MqttVersion.V5, CloseReason.ADMINISTRATIVE_ACTION))
                .first()
                .isEqualTo("e0 01 98");
        assertThat(closed(MqttVersion.V5, CloseReason.QUOTA_EXCEEDED)).first().isEqualTo("e0 01 97");
        assertThat(closed(MqttVersion.V3_1_1, CloseReason.SESSION_TAKEN_OVER))
                .containsExactly("Close[reason=closed by the broker: 0x8E Session taken over]");
    }

    private static List<String> closed(MqttVersion version, CloseReason reason) {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(version);
        List<String> actions = Wire.describe(harness.channel.close(reason));
        assertThat(harness.session().disconnects)
                .containsExactly(new FakeSession.Disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty()));
        assertThat(harness.channel.deliver(plain(5)).actions()).isEmpty();
        return actions;
    }

    @Test
    void a_writable_connection_lets_the_session_resume() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        harness.channel.handleWritable();

        assertThat(harness.session().resumes).isEqualTo(1);
    }
}
