package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Message;
import dev.tern.api.message.MessageProperties;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.session.Delivery;
import dev.tern.api.topic.TopicName;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.ReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Topic aliases in both directions (section 3.3.2.3.4). */
class TopicAliasTest {
    private static MqttProperties alias(int alias) {
        return Packets.properties().put(PropertyId.TOPIC_ALIAS, alias).build();
    }

    @Test
    void an_alias_set_with_a_topic_stands_for_it_afterwards() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        harness.in(Packets.publish(MqttQos.AT_MOST_ONCE, "sensors/1", 0, "a", alias(3)));
        harness.in(Packets.publish(MqttQos.AT_MOST_ONCE, "", 0, "b", alias(3)));

        assertThat(harness.session().published)
                .extracting(message -> message.topic().value())
                .containsExactly("sensors/1", "sensors/1");
    }

    @Test
    void an_alias_above_our_maximum_disconnects_with_topic_alias_invalid() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        List<Action> actions = harness.in(Packets.publish(MqttQos.AT_MOST_ONCE, "t", 0, "a", alias(65)));

        // [MQTT-3.3.2-9]
        assertThat(((DisconnectPacket) Wire.packets(actions).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.TOPIC_ALIAS_INVALID);
        assertThat(harness.session().published).isEmpty();
        assertThat(harness.traffic.limitsExceeded).containsExactly(Traffic.Limit.TOPIC_ALIAS);
    }

    @Test
    void an_empty_topic_with_an_alias_never_set_is_a_protocol_error() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        List<Action> actions = harness.in(Packets.publish(MqttQos.AT_MOST_ONCE, "", 0, "a", alias(1)));

        assertThat(((DisconnectPacket) Wire.packets(actions).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.PROTOCOL_ERROR);
        assertThat(harness.traffic.limitsExceeded).isEmpty();
    }

    @Test
    void the_first_delivery_to_a_topic_carries_topic_and_alias_and_later_ones_only_the_alias() {
        ChannelHarness harness = new ChannelHarness();
        harness.in(Packets.connect(
                MqttVersion.V5,
                "c",
                true,
                60,
                Packets.properties().put(PropertyId.TOPIC_ALIAS_MAXIMUM, 1).build()));

        List<String> first = Wire.sent(harness.channel.deliver(delivery("a")).actions());
        List<String> second = Wire.sent(harness.channel.deliver(delivery("a")).actions());
        List<String> other = Wire.sent(harness.channel.deliver(delivery("b")).actions());

        // Topic "a", properties: Topic Alias (0x23) 1, payload "x".
        assertThat(first).containsExactly("30 08 00 01 61 03 23 00 01 78");
        // [MQTT-3.3.2-11] no alias beyond the client's maximum: "b" goes out in full, without one.
        assertThat(second).containsExactly("30 07 00 00 03 23 00 01 78");
        assertThat(other).containsExactly("30 05 00 01 62 00 78");
    }

    @Test
    void no_aliases_go_out_when_the_server_is_configured_not_to_assign_them() {
        MqttSettings off = ChannelHarness.settings(1024, 64, 65_535, Qos.EXACTLY_ONCE, true, true, true, true, false);
        ChannelHarness harness = new ChannelHarness(off);
        harness.in(Packets.connect(
                MqttVersion.V5,
                "c",
                true,
                60,
                Packets.properties().put(PropertyId.TOPIC_ALIAS_MAXIMUM, 5).build()));

        assertThat(Wire.sent(harness.channel.deliver(delivery("a")).actions())).containsExactly("30 05 00 01 61 00 78");
    }

    private static Delivery delivery(String topic) {
        Message message = new Message(
                new TopicName(topic),
                Payload.utf8("x"),
                Qos.AT_MOST_ONCE,
                false,
                MessageProperties.NONE,
                "publisher",
                ChannelHarness.START_MILLIS,
                Message.NEVER_EXPIRES);
        return new Delivery(message, Qos.AT_MOST_ONCE, 0, false, false, List.of());
    }
}
