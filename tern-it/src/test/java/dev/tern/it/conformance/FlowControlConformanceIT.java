package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.connect;
import static dev.tern.it.conformance.Packets.publish;
import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.text;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.EXACTLY_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.PingReqPacket;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PubCompPacket;
import dev.tern.mqtt.codec.PubRecPacket;
import dev.tern.mqtt.codec.PubRelPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.testkit.EmbeddedBroker;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Section 4.9 flow control: Receive Maximum in both directions (MQTT 5). */
@DisplayName("4.9 Flow control (Receive Maximum)")
class FlowControlConformanceIT {
    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of("sys.interval", "0", "mqtt.receive_maximum", "2"));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** A 5.0 publisher; asserts that CONNACK advertises Receive Maximum 2. */
    private static Wire publisher() {
        Wire wire = Wire.open(port, V5);
        wire.send(connect(V5, unique("f-pub-")));
        assertThat(wire.receive(ConnAckPacket.class).properties().receiveMaximum())
                .hasValue(2);
        return wire;
    }

    // ---- client to server -------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.3.4-7")
    @DisplayName(
            "5.0: a third unacknowledged QoS 2 PUBLISH beyond Receive Maximum 2 gets DISCONNECT 0x93 and the close")
    void tooManyUnacknowledgedQos2Publishes() {
        String topic = unique("f-q2/");
        try (Wire client = publisher()) {
            client.send(publish(topic, EXACTLY_ONCE, 1, "1"));
            assertThat(client.receive(PubRecPacket.class).packetId()).isEqualTo(1);
            client.send(publish(topic, EXACTLY_ONCE, 2, "2"));
            assertThat(client.receive(PubRecPacket.class).packetId()).isEqualTo(2);
            client.send(publish(topic, EXACTLY_ONCE, 3, "3"));
            client.expectDisconnect(0x93);
        }
    }

    @Test
    @Tag("MQTT-3.3.4-7")
    @DisplayName("5.0: a QoS 1 PUBLISH while two QoS 2 flows are incomplete exceeds Receive Maximum 2: 0x93")
    void qos1CountsAgainstTheSameQuota() {
        String topic = unique("f-mix/");
        try (Wire client = publisher()) {
            client.send(publish(topic, EXACTLY_ONCE, 1, "1"));
            client.receive(PubRecPacket.class);
            client.send(publish(topic, EXACTLY_ONCE, 2, "2"));
            client.receive(PubRecPacket.class);
            client.send(publish(topic, AT_LEAST_ONCE, 3, "3"));
            client.expectDisconnect(0x93);
        }
    }

    @Test
    @Tag("MQTT-3.3.4-7")
    @DisplayName("5.0: completed flows free their place: PUBREL/PUBCOMP, then two more QoS 2 PUBLISHes are fine")
    void completedFlowsFreeTheQuota() {
        String topic = unique("f-ok/");
        try (Wire client = publisher()) {
            for (int round = 0; round < 3; round++) {
                int a = 2 * round + 1;
                int b = a + 1;
                client.send(publish(topic, EXACTLY_ONCE, a, "a"));
                client.receive(PubRecPacket.class);
                client.send(publish(topic, EXACTLY_ONCE, b, "b"));
                client.receive(PubRecPacket.class);
                client.send(PubRelPacket.of(a));
                assertThat(client.receive(PubCompPacket.class).packetId()).isEqualTo(a);
                client.send(PubRelPacket.of(b));
                assertThat(client.receive(PubCompPacket.class).packetId()).isEqualTo(b);
            }
            client.send(PingReqPacket.INSTANCE);
            assertThat(client.receiveHex()).isEqualTo("d000");
        }
    }

    // ---- server to client -------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.3.4-9")
    @Tag("MQTT-4.9.0-2")
    @Tag("MQTT-3.3.4-10")
    @Tag("MQTT-4.9.0-3")
    @DisplayName(
            "5.0: the server sends no more than the client's Receive Maximum (2) unacknowledged, and still answers PINGREQ")
    void serverHonoursTheClientsReceiveMaximum() {
        String topic = unique("f-out/");
        try (Wire subscriber = Wire.open(port, V5);
                Wire publisher = Wire.connect(port, V3_1_1, unique("f-p3-"))) {
            subscriber.send(connect(
                    V5,
                    unique("f-sub-"),
                    true,
                    60,
                    MqttProperties.builder().put(PropertyId.RECEIVE_MAXIMUM, 2).build(),
                    Optional.empty()));
            subscriber.receive(ConnAckPacket.class);
            subscriber.send(subscribe(1, topic, EXACTLY_ONCE));
            subscriber.receive(SubAckPacket.class);
            for (int i = 1; i <= 5; i++) {
                boolean exactlyOnce = i % 2 == 0;
                publisher.send(publish(topic, exactlyOnce ? EXACTLY_ONCE : AT_LEAST_ONCE, i, "m" + i));
                publisher.receive();
                if (exactlyOnce) {
                    publisher.send(PubRelPacket.of(i));
                    publisher.receive(PubCompPacket.class);
                }
            }
            PublishPacket first = subscriber.receive(PublishPacket.class);
            PublishPacket second = subscriber.receive(PublishPacket.class);
            assertThat(text(first)).isEqualTo("m1");
            assertThat(text(second)).isEqualTo("m2");
            subscriber.expectNothing();
            // Quota 0: other packets are still answered.
            subscriber.send(PingReqPacket.INSTANCE);
            assertThat(subscriber.receiveHex()).isEqualTo("d000");

            subscriber.send(PubAckPacket.of(first.packetId()));
            PublishPacket third = subscriber.receive(PublishPacket.class);
            assertThat(text(third)).isEqualTo("m3");
            subscriber.expectNothing();

            // A QoS 2 delivery counts until PUBCOMP, not PUBREC.
            subscriber.send(PubRecPacket.of(second.packetId()));
            assertThat(subscriber.receive(PubRelPacket.class).packetId()).isEqualTo(second.packetId());
            subscriber.expectNothing();
            subscriber.send(PubCompPacket.of(second.packetId()));
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("m4");
            subscriber.expectNothing();
        }
    }
}
