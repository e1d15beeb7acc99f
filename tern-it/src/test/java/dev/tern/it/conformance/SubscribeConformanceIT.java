package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.options;
import static dev.tern.it.conformance.Packets.publish;
import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.text;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.it.conformance.Packets.unsubscribe;
import static dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.AT_MOST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.EXACTLY_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.RetainHandling;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.mqtt.codec.SubscribePacket;
import dev.tern.mqtt.codec.Subscription;
import dev.tern.mqtt.codec.SubscriptionOptions;
import dev.tern.testkit.EmbeddedBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sections 3.8 to 3.11 (SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK), 4.7 (topic names, filters and wildcards) and 4.8
 * (shared subscriptions).
 */
@DisplayName("3.8-3.11 SUBSCRIBE/UNSUBSCRIBE, 4.7 topics, 4.8 shared subscriptions")
class SubscribeConformanceIT {
    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of("sys.interval", "0", "limits.max_topic_levels", "8"));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Wire subscriber(MqttVersion version, String filter, MqttQos qos) {
        Wire wire = Wire.connect(port, version, unique("s-sub-"));
        wire.send(subscribe(1, filter, qos));
        wire.receive(SubAckPacket.class);
        return wire;
    }

    private static SubscribePacket subscribeAll(int packetId, Object... filterAndQos) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < filterAndQos.length; i += 2) {
            subscriptions.add(
                    new Subscription((String) filterAndQos[i], SubscriptionOptions.of((MqttQos) filterAndQos[i + 1])));
        }
        return new SubscribePacket(packetId, subscriptions, MqttProperties.EMPTY);
    }

    /** Publishes from a fresh 5.0 client at QoS 1 and waits for the PUBACK. */
    private static void publishQos1(String topic, String payload) {
        try (Wire publisher = Wire.connect(port, V5, unique("s-pub-"))) {
            publisher.send(publish(topic, AT_LEAST_ONCE, 1, payload));
            publisher.receive(PubAckPacket.class);
        }
    }

    /** Every PUBLISH that arrives until the connection has been quiet for a moment, acknowledged. */
    private static List<PublishPacket> drain(Wire wire) {
        List<PublishPacket> out = new ArrayList<>();
        while (true) {
            PublishPacket publish;
            try {
                publish = (PublishPacket) wire.frame(Wire.QUIET).packet();
            } catch (AssertionError e) {
                return out;
            }
            out.add(publish);
            if (publish.qos() == AT_LEAST_ONCE) {
                wire.send(PubAckPacket.of(publish.packetId()));
            }
        }
    }

    private static List<String> topicsOf(List<PublishPacket> publishes) {
        return publishes.stream().map(PublishPacket::topic).toList();
    }

    // ---- SUBACK
    // -------------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.8.4-1")
    @Tag("MQTT-3.8.4-2")
    @Tag("MQTT-3.8.4-4")
    @Tag("MQTT-3.8.4-5")
    @Tag("MQTT-3.9.3-1")
    @DisplayName("3.1.1: three filters are granted in order in one SUBACK: exactly 90 05 00 0a 00 01 02")
    void subAckGrantsEachFilterInOrder311() {
        String root = unique("s-ack");
        try (Wire client = Wire.connect(port, V3_1_1, unique("s-c-"))) {
            client.send(
                    subscribeAll(10, root + "/0", AT_MOST_ONCE, root + "/1", AT_LEAST_ONCE, root + "/2", EXACTLY_ONCE));
            assertThat(client.receiveHex()).isEqualTo("9005000a000102");
        }
    }

    @Test
    @Tag("MQTT-3.8.4-6")
    @Tag("MQTT-3.8.4-7")
    @Tag("MQTT-3.9.3-1")
    @DisplayName("5.0: three filters are granted in order in one SUBACK: exactly 90 06 00 0a 00 00 01 02")
    void subAckGrantsEachFilterInOrder5() {
        String root = unique("s-ack5");
        try (Wire client = Wire.connect(port, V5, unique("s-c-"))) {
            client.send(
                    subscribeAll(10, root + "/0", AT_MOST_ONCE, root + "/1", AT_LEAST_ONCE, root + "/2", EXACTLY_ONCE));
            assertThat(client.receiveHex()).isEqualTo("9006000a00000102");
        }
    }

    @Test
    @Tag("MQTT-3.9.3-2")
    @DisplayName(
            "3.1.1: a filter the server refuses (9 levels, limit 8) gets 0x80 beside the granted one: 90 04 00 0b 80 01")
    void refusedFilterGetsFailure311() {
        String root = unique("s-deep");
        try (Wire client = Wire.connect(port, V3_1_1, unique("s-c-"))) {
            client.send(subscribeAll(11, root + "/1/2/3/4/5/6/7/8", AT_LEAST_ONCE, root, AT_LEAST_ONCE));
            assertThat(client.receiveHex()).isEqualTo("9004000b8001");
        }
    }

    @Test
    @Tag("MQTT-3.9.3-2")
    @DisplayName("5.0: a filter the server refuses (9 levels, limit 8) gets 0x8F beside the granted one")
    void refusedFilterGetsTopicFilterInvalid5() {
        String root = unique("s-deep5");
        try (Wire client = Wire.connect(port, V5, unique("s-c-"))) {
            client.send(subscribeAll(11, root + "/1/2/3/4/5/6/7/8", AT_LEAST_ONCE, root, AT_LEAST_ONCE));
            assertThat(client.receiveHex()).isEqualTo("9005000b008f01");
        }
    }

    @Test
    @Tag("MQTT-3.4.2-1")
    @DisplayName("5.0: a PUBLISH to a topic beyond limits.max_topic_levels (8) is refused with PUBACK 0x90, not routed")
    void publishBeyondTheTopicLimits5() {
        String root = unique("s-lvl");
        try (Wire subscriber = subscriber(V5, root + "/#", AT_MOST_ONCE);
                Wire publisher = Wire.connect(port, V5, unique("s-pub-"))) {
            publisher.send(publish(root + "/1/2/3/4/5/6/7/8", AT_LEAST_ONCE, 1, "deep"));
            assertThat(publisher.receiveHex()).isEqualTo("4003000190");
            subscriber.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.8.4-3")
    @DisplayName("5.0: subscribing to the same filter again replaces the subscription: one copy at the new QoS")
    void sameFilterReplacesTheSubscription5() {
        String topic = unique("s-repl/");
        try (Wire client = Wire.connect(port, V5, unique("s-c-"))) {
            client.send(subscribe(1, topic, EXACTLY_ONCE));
            assertThat(client.receive(SubAckPacket.class).reasonCodes()).hasSize(1);
            client.send(subscribe(2, topic, AT_MOST_ONCE));
            assertThat(client.receiveHex()).isEqualTo("9004000200" + "00");
            publishQos1(topic, "m");
            List<PublishPacket> received = client.receivePublishes(1);
            assertThat(received.get(0).qos()).isEqualTo(AT_MOST_ONCE);
        }
    }

    // ---- UNSUBSCRIBE
    // ----------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.10.4-1")
    @Tag("MQTT-3.10.4-2")
    @Tag("MQTT-3.10.4-4")
    @Tag("MQTT-3.10.4-5")
    @Tag("MQTT-3.11.3-1")
    @Tag("MQTT-3.11.3-2")
    @DisplayName("5.0: UNSUBACK has 0x00 for a removed subscription and 0x11 for none: b0 05 00 0c 00 00 11")
    void unsubAckReasonCodes5() {
        String topic = unique("s-unsub/");
        try (Wire client = subscriber(V5, topic, AT_LEAST_ONCE)) {
            client.send(unsubscribe(12, topic, topic + "/never"));
            assertThat(client.receiveHex()).isEqualTo("b005000c000011");
            publishQos1(topic, "after");
            client.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.10.4-4")
    @Tag("MQTT-3.10.4-5")
    @DisplayName("3.1.1: UNSUBACK carries the identifier, whether or not a subscription existed: b0 02 00 0c")
    void unsubAck311() {
        String topic = unique("s-unsub/");
        try (Wire client = subscriber(V3_1_1, topic, AT_LEAST_ONCE)) {
            client.send(unsubscribe(12, topic));
            assertThat(client.receiveHex()).isEqualTo("b002000c");
            client.send(unsubscribe(13, topic));
            assertThat(client.receiveHex()).isEqualTo("b002000d");
            publishQos1(topic, "after");
            client.expectNothing();
        }
    }

    // ---- topic matching
    // -------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-4.7.2-1")
    @DisplayName("3.1.1 and 5.0: filters starting with # or + do not match topics starting with $")
    void dollarTopicsAreNotMatchedByLeadingWildcards() {
        String dollar = "$" + unique("s-dollar");
        try (Wire hash = subscriber(V3_1_1, "#", AT_LEAST_ONCE);
                Wire plus = subscriber(V5, "+/x", AT_LEAST_ONCE);
                Wire explicit = subscriber(V5, dollar + "/#", AT_LEAST_ONCE);
                Wire explicitPlus = subscriber(V3_1_1, dollar + "/+", AT_LEAST_ONCE)) {
            publishQos1(dollar + "/x", "dollar");
            assertThat(topicsOf(explicit.receivePublishes(1))).containsExactly(dollar + "/x");
            assertThat(topicsOf(explicitPlus.receivePublishes(1))).containsExactly(dollar + "/x");
            assertThat(topicsOf(drain(hash))).noneMatch(topic -> topic.startsWith("$"));
            assertThat(topicsOf(drain(plus))).noneMatch(topic -> topic.startsWith("$"));
        }
    }

    @Test
    @Tag("MQTT-3.3.2-3")
    @Tag("MQTT-4.7.3-4")
    @DisplayName("3.1.1: + matches one whole level, # the parent and everything below, with no normalisation")
    void wildcardMatching311() {
        String root = unique("s-sport");
        try (Wire plus = subscriber(V3_1_1, root + "/tennis/+", AT_MOST_ONCE);
                Wire hash = subscriber(V3_1_1, root + "/#", AT_MOST_ONCE);
                Wire middle = subscriber(V3_1_1, root + "/+/player1", AT_MOST_ONCE);
                Wire exact = subscriber(V3_1_1, root + "/Tennis", AT_MOST_ONCE)) {
            for (String topic : List.of(
                    root,
                    root + "/tennis",
                    root + "/tennis/player1",
                    root + "/tennis/player1/ranking",
                    root + "//player1",
                    root + "/tennis/")) {
                publishQos1(topic, topic);
            }
            assertThat(topicsOf(plus.receivePublishes(2))).containsExactly(root + "/tennis/player1", root + "/tennis/");
            assertThat(topicsOf(hash.receivePublishes(6)))
                    .containsExactly(
                            root,
                            root + "/tennis",
                            root + "/tennis/player1",
                            root + "/tennis/player1/ranking",
                            root + "//player1",
                            root + "/tennis/");
            assertThat(topicsOf(middle.receivePublishes(2)))
                    .containsExactly(root + "/tennis/player1", root + "//player1");
            exact.expectNothing(); // matching is case-sensitive
        }
    }

    // ---- overlapping subscriptions, identifiers, No Local
    // ---------------------------------------------------------------

    @Test
    @Tag("MQTT-3.3.4-2")
    @Tag("MQTT-3.3.4-3")
    @Tag("MQTT-3.3.4-4")
    @DisplayName("5.0: overlapping subscriptions give one copy at the highest QoS with every subscription identifier")
    void overlappingSubscriptionsGiveOneCopy5() {
        String root = unique("s-ov");
        try (Wire client = Wire.connect(port, V5, unique("s-c-"))) {
            client.send(subscribe(1, root + "/+", AT_LEAST_ONCE, 1));
            client.receive(SubAckPacket.class);
            client.send(subscribe(2, root + "/#", AT_MOST_ONCE, 2));
            client.receive(SubAckPacket.class);
            client.send(subscribe(3, root + "/b", EXACTLY_ONCE, 3));
            client.receive(SubAckPacket.class);
            client.send(subscribe(4, root + "/a", AT_MOST_ONCE));
            client.receive(SubAckPacket.class);
            publishQos1(root + "/a", "one");
            List<PublishPacket> received = client.receivePublishes(1);
            assertThat(received.get(0).qos()).isEqualTo(AT_LEAST_ONCE);
            assertThat(received.get(0).properties().subscriptionIdentifiers()).containsExactlyInAnyOrder(1, 2);
        }
    }

    @Test
    @Tag("MQTT-3.3.4-3")
    @DisplayName("5.0: retained messages sent for a subscription carry its Subscription Identifier")
    void retainedMessagesCarryTheSubscriptionIdentifier5() {
        String topic = unique("s-rid/");
        try (Wire publisher = Wire.connect(port, V5, unique("s-pub-"))) {
            publisher.send(Packets.retained(topic, AT_LEAST_ONCE, 1, "kept"));
            publisher.receive(PubAckPacket.class);
        }
        try (Wire client = Wire.connect(port, V5, unique("s-c-"))) {
            client.send(subscribe(1, topic, AT_LEAST_ONCE, 4242));
            client.receive(SubAckPacket.class);
            PublishPacket retained = client.receive(PublishPacket.class);
            assertThat(retained.retainFlag()).isTrue();
            assertThat(retained.properties().subscriptionIdentifiers()).containsExactly(4242);
        }
    }

    @Test
    @Tag("MQTT-3.3.5-1")
    @DisplayName("3.1.1: overlapping subscriptions give the message at the highest QoS of the matching subscriptions")
    void overlappingSubscriptionsUseTheHighestQos311() {
        String root = unique("s-ov3");
        try (Wire client = Wire.connect(port, V3_1_1, unique("s-c-"))) {
            client.send(subscribeAll(1, root + "/#", AT_MOST_ONCE, root + "/+", AT_LEAST_ONCE));
            client.receive(SubAckPacket.class);
            publishQos1(root + "/x", "m");
            // The spec allows a copy per subscription; Tern sends one, at the highest QoS.
            List<PublishPacket> received = client.receivePublishes(1);
            assertThat(received.get(0).qos()).isEqualTo(AT_LEAST_ONCE);
        }
    }

    @Test
    @Tag("MQTT-3.8.3-3")
    @DisplayName("5.0: No Local keeps a client's own messages from it, and only from it")
    void noLocal5() {
        String topic = unique("s-nl/");
        try (Wire self = Wire.connect(port, V5, unique("s-self-"));
                Wire other = subscriber(V5, topic, AT_MOST_ONCE)) {
            self.send(subscribe(1, topic, options(AT_MOST_ONCE, true, false, RetainHandling.SEND_ON_SUBSCRIBE)));
            self.receive(SubAckPacket.class);
            self.send(publish(topic, AT_LEAST_ONCE, 5, "mine"));
            assertThat(self.receiveHex()).isEqualTo("40020005");
            assertThat(text(other.receive(PublishPacket.class))).isEqualTo("mine");
            self.expectNothing();
        }
    }

    // ---- shared subscriptions
    // -----------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.8.3-4")
    @DisplayName("5.0: No Local on a shared subscription is a Protocol Error: DISCONNECT 0x82 and the close")
    void noLocalOnASharedSubscription5() {
        try (Wire client = Wire.connect(port, V5, unique("s-c-"))) {
            client.send(subscribe(
                    1, "$share/g/" + unique("s-shnl"), options(AT_MOST_ONCE, true, false, RetainHandling.DO_NOT_SEND)));
            Wire.Frame frame = client.frame();
            assertThat(frame.packet()).isInstanceOf(DisconnectPacket.class);
            assertThat(frame.firstByte()).isEqualTo(0xE0);
            assertThat(frame.bytes()[2] & 0xFF).isEqualTo(0x82);
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-4.8.2-3")
    @DisplayName("5.0: a shared group gets each message once, round robin, at each member's granted QoS")
    void sharedSubscriptionRoundRobin5() {
        String topic = unique("s-sh/");
        String shared = "$share/workers/" + topic;
        try (Wire a = subscriber(V5, shared, AT_MOST_ONCE);
                Wire b = subscriber(V5, shared, AT_LEAST_ONCE);
                Wire everyone = subscriber(V5, topic, AT_MOST_ONCE)) {
            for (int i = 0; i < 6; i++) {
                publishQos1(topic, "m" + i);
            }
            List<PublishPacket> toA = a.receivePublishes(3);
            List<PublishPacket> toB = b.receivePublishes(3);
            assertThat(toA).hasSize(3).allMatch(p -> p.qos() == AT_MOST_ONCE);
            assertThat(toB).hasSize(3).allMatch(p -> p.qos() == AT_LEAST_ONCE);
            List<String> all = new ArrayList<>();
            toA.forEach(p -> all.add(text(p)));
            toB.forEach(p -> all.add(text(p)));
            assertThat(all).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5");
            assertThat(everyone.receivePublishes(6))
                    .as("a non-shared subscription gets its own copy")
                    .hasSize(6);
        }
    }
}
