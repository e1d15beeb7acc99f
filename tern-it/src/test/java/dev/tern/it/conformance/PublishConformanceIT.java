package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.hex;
import static dev.tern.it.conformance.Packets.publish;
import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.text;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.AT_MOST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.EXACTLY_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PubCompPacket;
import dev.tern.mqtt.codec.PubRecPacket;
import dev.tern.mqtt.codec.PubRelPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.testkit.EmbeddedBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sections 3.3 to 3.7 (PUBLISH and its acknowledgements) and 4.3 (the QoS 0, 1 and 2 flows), with the server on both
 * sides of each flow: receiving from a publisher and sending to a subscriber.
 */
@DisplayName("3.3-3.7 PUBLISH and acknowledgements, 4.3 QoS flows")
class PublishConformanceIT {
    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of("sys.interval", "0", "mqtt.connect_timeout", "2"));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** A connected client subscribed to {@code filter} at {@code qos}. */
    private static Wire subscriber(MqttVersion version, String filter, MqttQos qos) {
        Wire wire = Wire.connect(port, version, unique("p-sub-"));
        wire.send(subscribe(1, filter, qos));
        assertThat(wire.receive(SubAckPacket.class).packetId()).isEqualTo(1);
        return wire;
    }

    // ---- QoS 0 ------------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-4.3.1-1")
    @Tag("MQTT-3.3.1-2")
    @Tag("MQTT-3.3.2-3")
    @DisplayName("3.1.1: a QoS 0 message reaches the subscriber as exactly the PUBLISH it was, DUP 0, no packet id")
    void qos0IsForwardedByteForByte311() {
        String topic = unique("p-q0/");
        try (Wire subscriber = subscriber(V3_1_1, topic, EXACTLY_ONCE);
                Wire publisher = Wire.connect(port, V3_1_1, unique("p-pub-"))) {
            publisher.send(publish(topic, AT_MOST_ONCE, 0, "hello"));
            assertThat(subscriber.receiveHex()).isEqualTo(hex(publish(topic, AT_MOST_ONCE, 0, "hello"), V3_1_1));
            publisher.expectNothing();
        }
    }

    // ---- QoS 1 ------------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-4.3.2-2")
    @Tag("MQTT-2.3.1-6")
    @DisplayName("3.1.1: a QoS 1 PUBLISH is answered with exactly 40 02 and its packet identifier")
    void qos1IsAcknowledged311() {
        try (Wire publisher = Wire.connect(port, V3_1_1, unique("p-pub-"))) {
            publisher.send(publish(unique("p-q1/"), AT_LEAST_ONCE, 0x1234, "x"));
            assertThat(publisher.receiveHex()).isEqualTo("40021234");
        }
    }

    @Test
    @Tag("MQTT-4.3.2-4")
    @Tag("MQTT-3.4.2-1")
    @DisplayName("5.0: a QoS 1 PUBLISH nobody subscribes to is answered with exactly 40 03 00 07 10 (0x10)")
    void qos1WithoutSubscribersGetsNoMatchingSubscribers5() {
        try (Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(unique("p-none/"), AT_LEAST_ONCE, 7, "x"));
            assertThat(publisher.receiveHex()).isEqualTo("4003000710");
        }
    }

    @Test
    @Tag("MQTT-4.3.2-4")
    @Tag("MQTT-3.4.2-1")
    @DisplayName("5.0: a QoS 1 PUBLISH with a subscriber is answered with exactly 40 02 00 07 (0x00 implied)")
    void qos1WithASubscriberGetsSuccess5() {
        String topic = unique("p-q15/");
        try (Wire subscriber = subscriber(V5, topic, AT_LEAST_ONCE);
                Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(topic, AT_LEAST_ONCE, 7, "x"));
            assertThat(publisher.receiveHex()).isEqualTo("40020007");
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("x");
        }
    }

    @Test
    @Tag("MQTT-4.3.2-1")
    @Tag("MQTT-2.3.1-1")
    @DisplayName("3.1.1: the server sends QoS 1 with a non-zero packet identifier of its own and DUP 0")
    void serverSendsQos1WithItsOwnPacketId311() {
        String topic = unique("p-q1out/");
        try (Wire subscriber = subscriber(V3_1_1, topic, AT_LEAST_ONCE);
                Wire publisher = Wire.connect(port, V3_1_1, unique("p-pub-"))) {
            publisher.send(publish(topic, AT_LEAST_ONCE, 0xBEEF, "one"));
            assertThat(publisher.receiveHex()).isEqualTo("4002beef");
            Wire.Frame frame = subscriber.frame();
            PublishPacket received = (PublishPacket) frame.packet();
            assertThat(received.packetId()).isNotZero();
            assertThat(frame.hex()).isEqualTo(hex(publish(topic, AT_LEAST_ONCE, received.packetId(), "one"), V3_1_1));
            assertThat(frame.firstByte()).as("QoS 1, DUP 0, RETAIN 0").isEqualTo(0x32);
            subscriber.send(PubAckPacket.of(received.packetId()));
            subscriber.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-4.3.2-5")
    @DisplayName("5.0: after PUBACK, a PUBLISH with the same packet identifier is a new message, even with DUP 1")
    void samePacketIdAfterPubAckIsANewMessage5() {
        String topic = unique("p-again/");
        try (Wire subscriber = subscriber(V5, topic, AT_MOST_ONCE);
                Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(topic, AT_LEAST_ONCE, 3, "first"));
            assertThat(publisher.receiveHex()).isEqualTo("40020003");
            publisher.send(publish(true, topic, AT_LEAST_ONCE, 3, Packets.utf8("second"), false, MqttProperties.EMPTY));
            assertThat(publisher.receiveHex()).isEqualTo("40020003");
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("first");
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("second");
        }
    }

    // ---- QoS 2 ------------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-4.3.3-2")
    @DisplayName(
            "3.1.1: QoS 2 from a client: PUBREC 50 02, a resend before PUBREL is not delivered again, PUBCOMP 70 02")
    void exactlyOnceInbound311() {
        String topic = unique("p-q2in/");
        try (Wire subscriber = subscriber(V3_1_1, topic, AT_MOST_ONCE);
                Wire publisher = Wire.connect(port, V3_1_1, unique("p-pub-"))) {
            publisher.send(publish(topic, EXACTLY_ONCE, 5, "once"));
            assertThat(publisher.receiveHex()).isEqualTo("50020005");
            publisher.send(publish(true, topic, EXACTLY_ONCE, 5, Packets.utf8("once"), false, MqttProperties.EMPTY));
            assertThat(publisher.receiveHex()).as("PUBREC again for the resend").isEqualTo("50020005");
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("once");
            subscriber.expectNothing();

            publisher.send(PubRelPacket.of(5));
            assertThat(publisher.receiveHex()).isEqualTo("70020005");
            // After PUBCOMP the identifier is free: the same id is a new message.
            publisher.send(publish(topic, EXACTLY_ONCE, 5, "twice"));
            assertThat(publisher.receiveHex()).isEqualTo("50020005");
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("twice");
        }
    }

    @Test
    @Tag("MQTT-4.3.3-8")
    @Tag("MQTT-4.3.3-10")
    @Tag("MQTT-4.3.3-11")
    @Tag("MQTT-4.3.3-12")
    @DisplayName("5.0: QoS 2 from a client is delivered once however often it is resent before PUBREL")
    void exactlyOnceInbound5() {
        String topic = unique("p-q2in5/");
        try (Wire subscriber = subscriber(V5, topic, AT_MOST_ONCE);
                Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(topic, EXACTLY_ONCE, 9, "once"));
            assertThat(publisher.receiveHex()).isEqualTo("50020009");
            for (int i = 0; i < 3; i++) {
                publisher.send(
                        publish(true, topic, EXACTLY_ONCE, 9, Packets.utf8("once"), false, MqttProperties.EMPTY));
                assertThat(publisher.receiveHex()).isEqualTo("50020009");
            }
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("once");
            subscriber.expectNothing();
            publisher.send(PubRelPacket.of(9));
            assertThat(publisher.receiveHex()).isEqualTo("70020009");
            publisher.send(publish(topic, EXACTLY_ONCE, 9, "new"));
            assertThat(publisher.receiveHex()).isEqualTo("50020009");
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("new");
        }
    }

    @Test
    @Tag("MQTT-3.5.2-1")
    @Tag("MQTT-4.3.3-11")
    @DisplayName("5.0: QoS 2 nobody subscribes to: PUBREC 50 03 00 09 10, then PUBCOMP 70 02 00 09")
    void exactlyOnceWithoutSubscribers5() {
        try (Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(unique("p-none/"), EXACTLY_ONCE, 9, "x"));
            assertThat(publisher.receiveHex()).isEqualTo("5003000910");
            publisher.send(PubRelPacket.of(9));
            assertThat(publisher.receiveHex()).isEqualTo("70020009");
        }
    }

    @Test
    @Tag("MQTT-3.7.2-1")
    @DisplayName("5.0: PUBREL for an identifier the server does not hold: exactly 70 03 00 2a 92")
    void pubRelForAnUnknownId5() {
        try (Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(PubRelPacket.of(42));
            assertThat(publisher.receiveHex()).isEqualTo("7003002a92");
        }
    }

    @Test
    @Tag("MQTT-4.3.3-2")
    @DisplayName("3.1.1: PUBREL is always answered with PUBCOMP carrying its identifier: 70 02 00 2a")
    void pubRelForAnUnknownId311() {
        try (Wire publisher = Wire.connect(port, V3_1_1, unique("p-pub-"))) {
            publisher.send(PubRelPacket.of(42));
            assertThat(publisher.receiveHex()).isEqualTo("7002002a");
        }
    }

    @Test
    @Tag("MQTT-4.3.3-1")
    @Tag("MQTT-3.6.1-1")
    @DisplayName("3.1.1: QoS 2 to a subscriber: PUBLISH (DUP 0), PUBREC, then exactly 62 02 and the id, then PUBCOMP")
    void exactlyOnceOutbound311() {
        String topic = unique("p-q2out/");
        try (Wire subscriber = subscriber(V3_1_1, topic, EXACTLY_ONCE);
                Wire publisher = Wire.connect(port, V3_1_1, unique("p-pub-"))) {
            publisher.send(publish(topic, EXACTLY_ONCE, 1, "q2"));
            assertThat(publisher.receiveHex()).isEqualTo("50020001");
            Wire.Frame frame = subscriber.frame();
            PublishPacket received = (PublishPacket) frame.packet();
            assertThat(frame.firstByte()).as("QoS 2, DUP 0").isEqualTo(0x34);
            assertThat(received.packetId()).isNotZero();
            subscriber.send(PubRecPacket.of(received.packetId()));
            assertThat(subscriber.receiveHex()).isEqualTo(String.format("6202%04x", received.packetId()));
            subscriber.send(PubCompPacket.of(received.packetId()));
            subscriber.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-4.3.3-4")
    @Tag("MQTT-4.3.3-6")
    @DisplayName("5.0: QoS 2 to a subscriber: after PUBREC the server sends PUBREL 62 02, never the PUBLISH again")
    void exactlyOnceOutbound5() {
        String topic = unique("p-q2out5/");
        try (Wire subscriber = subscriber(V5, topic, EXACTLY_ONCE);
                Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(topic, EXACTLY_ONCE, 1, "q2"));
            assertThat(publisher.receiveHex()).isEqualTo("50020001");
            PublishPacket received = subscriber.receive(PublishPacket.class);
            assertThat(received.qos()).isEqualTo(EXACTLY_ONCE);
            assertThat(received.dup()).isFalse();
            subscriber.send(PubRecPacket.of(received.packetId()));
            assertThat(subscriber.receiveHex()).isEqualTo(String.format("6202%04x", received.packetId()));
            subscriber.expectNothing();
            subscriber.send(PubCompPacket.of(received.packetId()));
            publisher.send(PubRelPacket.of(1));
            assertThat(publisher.receiveHex()).isEqualTo("70020001");
        }
    }

    // ---- QoS downgrade
    // -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "published at QoS {0}, subscribed at QoS {1}: delivered at QoS {2}")
    @CsvSource({"2, 0, 0", "2, 1, 1", "1, 0, 0", "1, 2, 1", "0, 2, 0", "2, 2, 2"})
    @Tag("MQTT-3.8.4-6")
    @DisplayName("3.1.1: a message is delivered at the lower of its QoS and the subscription's granted QoS")
    void qosDowngrade311(int published, int subscribed, int delivered) {
        String topic = unique("p-down/");
        try (Wire subscriber = subscriber(V3_1_1, topic, MqttQos.of(subscribed));
                Wire publisher = Wire.connect(port, V3_1_1, unique("p-pub-"))) {
            publisher.send(publish(topic, MqttQos.of(published), published == 0 ? 0 : 1, "m"));
            if (published > 0) {
                publisher.receive();
            }
            Wire.Frame frame = subscriber.frame();
            PublishPacket received = (PublishPacket) frame.packet();
            assertThat(received.qos().value()).isEqualTo(delivered);
            assertThat(frame.hex())
                    .isEqualTo(hex(publish(topic, MqttQos.of(delivered), received.packetId(), "m"), V3_1_1));
        }
    }

    @ParameterizedTest(name = "published at QoS {0}, subscribed at QoS {1}: delivered at QoS {2}")
    @CsvSource({"2, 0, 0", "2, 1, 1", "1, 0, 0"})
    @Tag("MQTT-3.8.4-8")
    @DisplayName("5.0: a message is delivered at the lower of its QoS and the subscription's granted QoS")
    void qosDowngrade5(int published, int subscribed, int delivered) {
        String topic = unique("p-down5/");
        try (Wire subscriber = subscriber(V5, topic, MqttQos.of(subscribed));
                Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(topic, MqttQos.of(published), 1, "m"));
            publisher.receive();
            assertThat(subscriber.receive(PublishPacket.class).qos().value()).isEqualTo(delivered);
        }
    }

    // ---- ordering
    // -----------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-4.6.0-5")
    @Tag("MQTT-4.6.0-6")
    @DisplayName("5.0: messages of one publisher on one topic reach a subscriber in the order they were sent")
    void orderIsKept5() {
        String topic = unique("p-order/");
        try (Wire subscriber = subscriber(V5, topic, AT_LEAST_ONCE);
                Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
            for (int i = 1; i <= 50; i++) {
                burst.writeBytes(Packets.bytes(hex(publish(topic, AT_LEAST_ONCE, i, "m" + i), V5)));
            }
            publisher.sendBytes(burst.toByteArray());
            List<String> received = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                PublishPacket publish = subscriber.receive(PublishPacket.class);
                received.add(text(publish));
                subscriber.send(PubAckPacket.of(publish.packetId()));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                expected.add("m" + i);
            }
            assertThat(received).containsExactlyElementsOf(expected);
        }
    }

    // ---- MQTT 5 properties
    // ----------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.3.2-4")
    @Tag("MQTT-3.3.2-15")
    @Tag("MQTT-3.3.2-16")
    @Tag("MQTT-3.3.2-17")
    @Tag("MQTT-3.3.2-18")
    @Tag("MQTT-3.3.2-20")
    @DisplayName(
            "5.0: payload format, content type, response topic, correlation data and user properties go on unaltered")
    void propertiesAreForwardedUnaltered5() {
        String topic = unique("p-props/");
        MqttProperties properties = MqttProperties.builder()
                .put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                .put(PropertyId.CONTENT_TYPE, "text/plain; charset=utf-8")
                .put(PropertyId.RESPONSE_TOPIC, "reply/here")
                .put(PropertyId.CORRELATION_DATA, new BinaryData(new byte[] {0, 1, 2, (byte) 0xFF}))
                .addUserProperty("b", "2")
                .addUserProperty("a", "1")
                .addUserProperty("b", "3")
                .build();
        try (Wire subscriber = subscriber(V5, topic, AT_LEAST_ONCE);
                Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(topic, AT_LEAST_ONCE, 1, "grüße", false, properties));
            publisher.receive(PubAckPacket.class);
            PublishPacket received = subscriber.receive(PublishPacket.class);
            assertThat(received.properties()).isEqualTo(properties);
            assertThat(received.properties().userProperties())
                    .extracting(p -> p.name() + "=" + p.value())
                    .containsExactly("b=2", "a=1", "b=3");
            assertThat(text(received)).isEqualTo("grüße");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-24")
    @Tag("MQTT-3.1.2-25")
    @DisplayName("5.0: nothing larger than the client's Maximum Packet Size is sent; it is dropped as if delivered")
    void clientMaximumPacketSizeIsHonoured5() {
        String topic = unique("p-mps/");
        try (Wire subscriber = Wire.open(port, V5);
                Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            subscriber.send(Packets.connect(
                    V5,
                    unique("p-mps-"),
                    true,
                    60,
                    MqttProperties.builder()
                            .put(PropertyId.MAXIMUM_PACKET_SIZE, 64)
                            .put(PropertyId.RECEIVE_MAXIMUM, 1)
                            .build(),
                    java.util.Optional.empty()));
            subscriber.receive(dev.tern.mqtt.codec.ConnAckPacket.class);
            subscriber.send(subscribe(1, topic, AT_LEAST_ONCE));
            subscriber.receive(SubAckPacket.class);
            publisher.send(publish(topic, AT_LEAST_ONCE, 1, "x".repeat(100)));
            publisher.receive(PubAckPacket.class);
            publisher.send(publish(topic, AT_LEAST_ONCE, 2, "small"));
            publisher.receive(PubAckPacket.class);
            // Receive Maximum 1: had the large message taken the only inflight place, the small one could not come.
            Wire.Frame frame = subscriber.frame();
            assertThat(text((PublishPacket) frame.packet())).isEqualTo("small");
            assertThat(frame.bytes().length).isLessThanOrEqualTo(64);
            subscriber.send(PubAckPacket.of(((PublishPacket) frame.packet()).packetId()));
            subscriber.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.4.2-1")
    @DisplayName("5.0: a payload marked UTF-8 that is not is refused with exactly 40 03 00 01 99 and not delivered")
    void invalidUtf8PayloadIsRefused5() {
        String topic = unique("p-pfi/");
        try (Wire subscriber = subscriber(V5, topic, AT_LEAST_ONCE);
                Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(
                    false,
                    topic,
                    AT_LEAST_ONCE,
                    1,
                    new byte[] {(byte) 0xC3, 0x28},
                    false,
                    MqttProperties.builder()
                            .put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                            .build()));
            assertThat(publisher.receiveHex()).isEqualTo("4003000199");
            subscriber.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.3.2-5")
    @Tag("MQTT-3.3.2-6")
    @DisplayName("5.0: Message Expiry Interval counts down while a message waits, and an expired one is not sent")
    void messageExpiryCountsDown5() throws InterruptedException {
        String prefix = unique("p-exp");
        try (Wire publisher = Wire.connect(port, V5, unique("p-pub5-"))) {
            publisher.send(publish(
                    prefix + "/long",
                    AT_LEAST_ONCE,
                    1,
                    "long",
                    true,
                    MqttProperties.builder()
                            .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, 60)
                            .build()));
            publisher.send(publish(
                    prefix + "/short",
                    AT_LEAST_ONCE,
                    2,
                    "short",
                    true,
                    MqttProperties.builder()
                            .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, 1)
                            .build()));
            publisher.receive(PubAckPacket.class);
            publisher.receive(PubAckPacket.class);
        }
        RealTime.pass(Duration.ofMillis(1_300));
        try (Wire subscriber = subscriber(V5, prefix + "/#", AT_LEAST_ONCE)) {
            PublishPacket received = subscriber.receive(PublishPacket.class);
            assertThat(text(received)).isEqualTo("long");
            assertThat(received.properties().messageExpiryInterval().orElseThrow())
                    .isBetween(55L, 59L);
            subscriber.expectNothing();
        }
    }
}
