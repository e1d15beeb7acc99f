package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.connect;
import static dev.tern.it.conformance.Packets.publish;
import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.text;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.AT_MOST_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.testkit.EmbeddedBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Section 3.3.2.3.4 Topic Alias (MQTT 5 only), in both directions. */
@DisplayName("3.3.2.3.4 Topic Alias")
class TopicAliasConformanceIT {
    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of("sys.interval", "0", "mqtt.topic_alias_maximum", "3"));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static MqttProperties alias(int alias) {
        return MqttProperties.builder().put(PropertyId.TOPIC_ALIAS, alias).build();
    }

    private static Wire subscriber(String filter) {
        Wire wire = Wire.connect(port, V5, unique("ta-sub-"));
        wire.send(subscribe(1, filter, AT_MOST_ONCE));
        wire.receive(SubAckPacket.class);
        return wire;
    }

    // ---- inbound: client to server ----------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.2.2-17")
    @DisplayName("5.0: CONNACK advertises Topic Alias Maximum from mqtt.topic_alias_maximum (3)")
    void connAckAdvertisesTheMaximum() {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(V5, unique("ta-c-")));
            assertThat(client.receive(ConnAckPacket.class).properties().topicAliasMaximum())
                    .hasValue(3);
        }
    }

    @Test
    @Tag("MQTT-3.3.2-12")
    @DisplayName("5.0: every alias 1..maximum is accepted; an alias with an empty topic stands for its topic")
    void aliasesStandForTheirTopics() {
        String root = unique("ta-in");
        try (Wire subscriber = subscriber(root + "/#");
                Wire publisher = Wire.connect(port, V5, unique("ta-pub-"))) {
            for (int a = 1; a <= 3; a++) {
                publisher.send(publish(root + "/t" + a, AT_LEAST_ONCE, a, "set" + a, false, alias(a)));
                publisher.receive(PubAckPacket.class);
            }
            for (int a = 3; a >= 1; a--) {
                publisher.send(publish("", AT_LEAST_ONCE, 10 + a, "use" + a, false, alias(a)));
                publisher.receive(PubAckPacket.class);
            }
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                PublishPacket publish = subscriber.receive(PublishPacket.class);
                received.add(publish.topic() + "=" + text(publish));
                assertThat(publish.properties().topicAlias())
                        .as("the subscriber allowed no aliases")
                        .isEmpty();
            }
            assertThat(received)
                    .containsExactly(
                            root + "/t1=set1",
                            root + "/t2=set2",
                            root + "/t3=set3",
                            root + "/t3=use3",
                            root + "/t2=use2",
                            root + "/t1=use1");
        }
    }

    @Test
    @Tag("MQTT-3.3.2-12")
    @DisplayName("5.0: a topic sent with an alias already in use replaces the alias's topic")
    void anAliasCanBeRemapped() {
        String root = unique("ta-re");
        try (Wire subscriber = subscriber(root + "/#");
                Wire publisher = Wire.connect(port, V5, unique("ta-pub-"))) {
            publisher.send(publish(root + "/a", AT_MOST_ONCE, 0, "1", false, alias(1)));
            publisher.send(publish(root + "/b", AT_MOST_ONCE, 0, "2", false, alias(1)));
            publisher.send(publish("", AT_MOST_ONCE, 0, "3", false, alias(1)));
            assertThat(subscriber.receive(PublishPacket.class).topic()).isEqualTo(root + "/a");
            assertThat(subscriber.receive(PublishPacket.class).topic()).isEqualTo(root + "/b");
            assertThat(subscriber.receive(PublishPacket.class).topic()).isEqualTo(root + "/b");
        }
    }

    @ParameterizedTest(name = "Topic Alias {0}")
    @ValueSource(ints = {0, 4, 65535})
    @Tag("MQTT-3.3.2-8")
    @Tag("MQTT-3.3.2-9")
    @DisplayName("5.0: Topic Alias 0 or above the maximum is answered with DISCONNECT 0x94 and the close")
    void aliasOutOfRange(int alias) {
        String topic = unique("ta-bad/");
        try (Wire subscriber = subscriber(topic);
                Wire publisher = Wire.connect(port, V5, unique("ta-pub-"))) {
            publisher.send(publish(topic, AT_LEAST_ONCE, 1, "x", false, alias(alias)));
            publisher.expectDisconnect(0x94);
            subscriber.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: an empty topic with an alias that was never set is a Protocol Error: DISCONNECT 0x82")
    void unknownAlias() {
        try (Wire publisher = Wire.connect(port, V5, unique("ta-pub-"))) {
            publisher.send(publish("", AT_LEAST_ONCE, 1, "x", false, alias(2)));
            publisher.expectDisconnect(0x82);
        }
    }

    @Test
    @Tag("MQTT-3.3.2-7")
    @DisplayName("5.0: aliases do not carry over to the next connection: reusing one is a Protocol Error (0x82)")
    void aliasesDoNotSurviveTheConnection() {
        String id = unique("ta-pub-");
        String topic = unique("ta-carry/");
        try (Wire first = Wire.connect(port, Packets.connect5(id, true, 60))) {
            first.send(publish(topic, AT_LEAST_ONCE, 1, "x", false, alias(1)));
            first.receive(PubAckPacket.class);
        }
        try (Wire second = Wire.connect(port, Packets.connect5(id, false, 60))) {
            second.send(publish("", AT_LEAST_ONCE, 2, "y", false, alias(1)));
            second.expectDisconnect(0x82);
        }
    }

    @Test
    @Tag("MQTT-3.2.2-18")
    @DisplayName("5.0: with mqtt.topic_alias_maximum=0, CONNACK omits the maximum and any alias gets DISCONNECT 0x94")
    void aliasesSwitchedOff() {
        try (EmbeddedBroker off = EmbeddedBroker.start(Map.of("sys.interval", "0", "mqtt.topic_alias_maximum", "0"));
                Wire publisher = Wire.open(off.port(), V5)) {
            publisher.send(connect(V5, unique("ta-off-")));
            assertThat(publisher.receive(ConnAckPacket.class).properties().topicAliasMaximum())
                    .isEmpty();
            publisher.send(publish(unique("ta-off/"), AT_MOST_ONCE, 0, "x", false, alias(1)));
            publisher.expectDisconnect(0x94);
        }
    }

    // ---- outbound: server to client ---------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.3.2-11")
    @Tag("MQTT-3.1.2-26")
    @DisplayName(
            "5.0: the server's aliases never exceed the client's Topic Alias Maximum (2); a known one replaces the topic")
    void outboundAliasesRespectTheClientsMaximum() {
        String root = unique("ta-out");
        try (Wire subscriber = Wire.open(port, V5);
                Wire publisher = Wire.connect(port, V5, unique("ta-pub-"))) {
            subscriber.send(connect(
                    V5,
                    unique("ta-sub-"),
                    true,
                    60,
                    MqttProperties.builder()
                            .put(PropertyId.TOPIC_ALIAS_MAXIMUM, 2)
                            .build(),
                    Optional.empty()));
            subscriber.receive(ConnAckPacket.class);
            subscriber.send(subscribe(1, root + "/#", AT_MOST_ONCE));
            subscriber.receive(SubAckPacket.class);
            List<String> topics = List.of(root + "/a", root + "/b", root + "/c", root + "/a", root + "/c", root + "/b");
            for (String topic : topics) {
                publisher.send(publish(topic, AT_MOST_ONCE, 0, topic));
            }
            Map<Integer, String> aliases = new java.util.HashMap<>();
            for (String topic : topics) {
                PublishPacket publish = subscriber.receive(PublishPacket.class);
                assertThat(text(publish)).isEqualTo(topic);
                if (publish.properties().topicAlias().isPresent()) {
                    int alias = publish.properties().topicAlias().getAsInt();
                    assertThat(alias).isBetween(1, 2);
                    if (publish.topic().isEmpty()) {
                        assertThat(aliases.get(alias)).as("alias %d", alias).isEqualTo(topic);
                    } else {
                        assertThat(publish.topic()).isEqualTo(topic);
                        aliases.put(alias, topic);
                    }
                } else {
                    assertThat(publish.topic()).isEqualTo(topic);
                }
            }
            assertThat(aliases).isNotEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.1.2-27")
    @DisplayName("5.0: a client that sets no Topic Alias Maximum is sent no topic aliases")
    void noAliasesForAClientThatAllowsNone() {
        String topic = unique("ta-none/");
        try (Wire subscriber = subscriber(topic);
                Wire publisher = Wire.connect(port, V5, unique("ta-pub-"))) {
            for (int i = 0; i < 3; i++) {
                publisher.send(publish(topic, AT_MOST_ONCE, 0, "m" + i));
            }
            for (int i = 0; i < 3; i++) {
                PublishPacket publish = subscriber.receive(PublishPacket.class);
                assertThat(publish.topic()).isEqualTo(topic);
                assertThat(publish.properties().topicAlias()).isEmpty();
            }
        }
    }
}
