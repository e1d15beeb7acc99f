package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.hex;
import static dev.tern.it.conformance.Packets.options;
import static dev.tern.it.conformance.Packets.publish;
import static dev.tern.it.conformance.Packets.retained;
import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.text;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.AT_MOST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.EXACTLY_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.RetainHandling;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.mqtt.codec.SubscribePacket;
import dev.tern.testkit.EmbeddedBroker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Section 3.3.1.3 RETAIN: retained messages set, replaced, deleted, and the RETAIN flag on what subscribers get. */
@DisplayName("3.3.1.3 RETAIN")
class RetainedConformanceIT {
    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of("sys.interval", "0"));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** Publishes retained {@code payload} at QoS 1 from a fresh client and waits for its PUBACK. */
    private static void retain(String topic, String payload) {
        retain(topic, payload, AT_LEAST_ONCE);
    }

    private static void retain(String topic, String payload, MqttQos qos) {
        try (Wire publisher = Wire.connect(port, V3_1_1, unique("r-pub-"))) {
            publisher.send(retained(topic, qos, qos == AT_MOST_ONCE ? 0 : 1, payload));
            if (qos == AT_MOST_ONCE) {
                publisher.send(dev.tern.mqtt.codec.PingReqPacket.INSTANCE);
            }
            publisher.receive(); // PUBACK, PUBREC or PINGRESP: the publication has been handled
        }
    }

    private static Wire subscribed(MqttVersion version, SubscribePacket subscribe) {
        Wire wire = Wire.connect(port, version, unique("r-sub-"));
        wire.send(subscribe);
        assertThat(wire.receive(SubAckPacket.class).packetId()).isEqualTo(subscribe.packetId());
        return wire;
    }

    /** The payloads of exactly {@code count} PUBLISHes, then nothing more. */
    private static List<String> texts(Wire wire, int count) {
        return wire.receivePublishes(count).stream().map(Packets::text).toList();
    }

    @Test
    @Tag("MQTT-3.3.1-5")
    @Tag("MQTT-3.3.1-6")
    @Tag("MQTT-3.3.1-8")
    @Tag("MQTT-3.1.2-7")
    @DisplayName("3.1.1: a retained message reaches a later subscriber as exactly its PUBLISH with RETAIN 1")
    void retainedMessageIsSentOnSubscribe311() {
        String topic = unique("r-set/");
        retain(topic, "kept");
        try (Wire subscriber = subscribed(V3_1_1, subscribe(1, topic, AT_MOST_ONCE))) {
            Wire.Frame frame = subscriber.frame();
            assertThat(frame.hex()).isEqualTo(hex(retained(topic, AT_MOST_ONCE, 0, "kept"), V3_1_1));
            assertThat(frame.firstByte()).isEqualTo(0x31);
        }
    }

    @Test
    @Tag("MQTT-3.3.1-5")
    @DisplayName("3.1.1: a retained message keeps its QoS: it reaches a QoS 2 subscriber at QoS 1")
    void retainedMessageKeepsItsQos311() {
        String topic = unique("r-qos/");
        retain(topic, "q1");
        try (Wire subscriber = subscribed(V3_1_1, subscribe(1, topic, EXACTLY_ONCE))) {
            PublishPacket received = subscriber.receive(PublishPacket.class);
            assertThat(received.qos()).isEqualTo(AT_LEAST_ONCE);
            assertThat(received.retainFlag()).isTrue();
        }
    }

    @Test
    @Tag("MQTT-3.3.1-7")
    @DisplayName("3.1.1: a new retained message replaces the old one, QoS 0 included")
    void retainedMessageIsReplaced311() {
        String topic = unique("r-repl/");
        retain(topic, "old");
        retain(topic, "new", AT_MOST_ONCE);
        try (Wire subscriber = subscribed(V3_1_1, subscribe(1, topic, AT_LEAST_ONCE))) {
            assertThat(texts(subscriber, 1)).containsExactly("new");
        }
    }

    @Test
    @Tag("MQTT-3.3.1-10")
    @Tag("MQTT-3.3.1-11")
    @DisplayName("3.1.1: an empty retained message is delivered as usual and deletes the retained one")
    void emptyRetainedMessageDeletes311() {
        String topic = unique("r-del/");
        retain(topic, "doomed");
        try (Wire existing = subscribed(V3_1_1, subscribe(1, topic, AT_MOST_ONCE))) {
            assertThat(text(existing.receive(PublishPacket.class))).isEqualTo("doomed");
            retain(topic, "");
            PublishPacket delete = existing.receive(PublishPacket.class);
            assertThat(delete.payload().readableBytes()).isZero();
            assertThat(delete.retainFlag())
                    .as("a live message to an established subscription")
                    .isFalse();
        }
        try (Wire later = subscribed(V3_1_1, subscribe(1, topic, AT_MOST_ONCE))) {
            later.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.3.1-6")
    @Tag("MQTT-3.3.1-7")
    @DisplayName("5.0: an empty retained message deletes the retained one, and is not stored itself")
    void emptyRetainedMessageDeletes5() {
        String topic = unique("r-del5/");
        retain(topic, "doomed");
        retain(topic, "");
        try (Wire later = subscribed(V5, subscribe(1, topic, AT_MOST_ONCE))) {
            later.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.3.1-12")
    @DisplayName("3.1.1: a message without RETAIN neither replaces nor deletes the retained one")
    void nonRetainedMessageLeavesTheRetainedOne311() {
        String topic = unique("r-keep/");
        retain(topic, "kept");
        try (Wire publisher = Wire.connect(port, V3_1_1, unique("r-pub-"))) {
            publisher.send(publish(topic, AT_LEAST_ONCE, 1, "live"));
            publisher.receive(PubAckPacket.class);
            publisher.send(publish(topic, AT_LEAST_ONCE, 2, ""));
            publisher.receive(PubAckPacket.class);
        }
        try (Wire subscriber = subscribed(V3_1_1, subscribe(1, topic, AT_LEAST_ONCE))) {
            assertThat(texts(subscriber, 1)).containsExactly("kept");
        }
    }

    @Test
    @Tag("MQTT-3.3.1-9")
    @DisplayName("3.1.1: a retained message published to an established subscription arrives with RETAIN 0")
    void liveDeliveryClearsRetain311() {
        String topic = unique("r-live/");
        try (Wire subscriber = subscribed(V3_1_1, subscribe(1, topic, AT_MOST_ONCE))) {
            retain(topic, "now");
            Wire.Frame frame = subscriber.frame();
            assertThat(frame.hex()).isEqualTo(hex(publish(topic, AT_MOST_ONCE, 0, "now"), V3_1_1));
            assertThat(frame.firstByte()).isEqualTo(0x30);
        }
    }

    @Test
    @Tag("MQTT-3.3.1-6")
    @DisplayName("3.1.1: retained messages are matched by wildcard filters on subscribe")
    void retainedMessagesMatchWildcards311() {
        String root = unique("r-wild");
        retain(root + "/a", "a");
        retain(root + "/b/c", "bc");
        retain(root, "root");
        try (Wire plus = subscribed(V3_1_1, subscribe(1, root + "/+", AT_MOST_ONCE));
                Wire hash = subscribed(V3_1_1, subscribe(1, root + "/#", AT_MOST_ONCE))) {
            assertThat(texts(plus, 1)).containsExactly("a");
            assertThat(texts(hash, 3)).containsExactlyInAnyOrder("a", "bc", "root");
        }
    }

    @Test
    @Tag("MQTT-3.3.1-9")
    @Tag("MQTT-3.8.4-4")
    @DisplayName("5.0: Retain Handling 0 sends retained messages on every subscribe, the repeated one included")
    void retainHandlingZero5() {
        String topic = unique("r-rh0/");
        retain(topic, "v");
        try (Wire subscriber = subscribed(
                V5, subscribe(1, topic, options(AT_MOST_ONCE, false, false, RetainHandling.SEND_ON_SUBSCRIBE)))) {
            assertThat(subscriber.receive(PublishPacket.class).retainFlag()).isTrue();
            subscriber.send(subscribe(2, topic, options(AT_MOST_ONCE, false, false, RetainHandling.SEND_ON_SUBSCRIBE)));
            assertThat(subscriber.receive(SubAckPacket.class).packetId()).isEqualTo(2);
            PublishPacket again = subscriber.receive(PublishPacket.class);
            assertThat(text(again)).isEqualTo("v");
            assertThat(again.retainFlag()).isTrue();
        }
    }

    @Test
    @Tag("MQTT-3.3.1-10")
    @DisplayName("5.0: Retain Handling 1 sends retained messages for a new subscription only")
    void retainHandlingOne5() {
        String topic = unique("r-rh1/");
        retain(topic, "v");
        try (Wire subscriber = subscribed(
                V5,
                subscribe(1, topic, options(AT_MOST_ONCE, false, false, RetainHandling.SEND_IF_NEW_SUBSCRIPTION)))) {
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("v");
            subscriber.send(
                    subscribe(2, topic, options(AT_LEAST_ONCE, false, false, RetainHandling.SEND_IF_NEW_SUBSCRIPTION)));
            assertThat(subscriber.receive(SubAckPacket.class).packetId()).isEqualTo(2);
            subscriber.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.3.1-11")
    @DisplayName("5.0: Retain Handling 2 sends no retained messages")
    void retainHandlingTwo5() {
        String topic = unique("r-rh2/");
        retain(topic, "v");
        try (Wire subscriber =
                subscribed(V5, subscribe(1, topic, options(AT_MOST_ONCE, false, false, RetainHandling.DO_NOT_SEND)))) {
            subscriber.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.3.1-12")
    @Tag("MQTT-3.3.1-13")
    @DisplayName("5.0: live messages keep RETAIN 1 only on a Retain As Published subscription")
    void retainAsPublished5() {
        String topic = unique("r-rap/");
        try (Wire asPublished = subscribed(
                        V5, subscribe(1, topic, options(AT_MOST_ONCE, false, true, RetainHandling.DO_NOT_SEND)));
                Wire plain = subscribed(
                        V5, subscribe(1, topic, options(AT_MOST_ONCE, false, false, RetainHandling.DO_NOT_SEND)))) {
            retain(topic, "r");
            try (Wire publisher = Wire.connect(port, V5, unique("r-pub5-"))) {
                publisher.send(publish(topic, AT_LEAST_ONCE, 1, "n", false, MqttProperties.EMPTY));
                publisher.receive(PubAckPacket.class);
            }
            PublishPacket first = asPublished.receive(PublishPacket.class);
            PublishPacket second = asPublished.receive(PublishPacket.class);
            assertThat(first.retainFlag()).isTrue();
            assertThat(second.retainFlag()).isFalse();
            assertThat(plain.receive(PublishPacket.class).retainFlag()).isFalse();
            assertThat(plain.receive(PublishPacket.class).retainFlag()).isFalse();
        }
    }
}
