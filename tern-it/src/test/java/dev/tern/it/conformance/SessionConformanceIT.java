package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.connect;
import static dev.tern.it.conformance.Packets.connect5;
import static dev.tern.it.conformance.Packets.disconnect;
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

import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PubCompPacket;
import dev.tern.mqtt.codec.PubRecPacket;
import dev.tern.mqtt.codec.PubRelPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.testkit.EmbeddedBroker;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Section 4.1 (session state), 4.4 (redelivery after reconnect) and the session half of 3.1.2.4 / 3.1.2.11.2. */
@DisplayName("4.1 session state, 4.4 message delivery retry")
class SessionConformanceIT {
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

    private static ConnectPacket persistent311(String id) {
        return connect(V3_1_1, id, false, 60);
    }

    /** Connects {@code connect}, subscribes {@code topic} at {@code qos}; returns the open connection. */
    private static Wire subscribed(ConnectPacket connect, String topic, MqttQos qos) {
        Wire wire = Wire.connect(port, connect);
        wire.send(subscribe(1, topic, qos));
        wire.receive(SubAckPacket.class);
        return wire;
    }

    private static void publishFromOther(String topic, MqttQos qos, String payload) {
        try (Wire publisher = Wire.connect(port, V3_1_1, unique("ss-pub-"))) {
            publisher.send(publish(topic, qos, qos == AT_MOST_ONCE ? 0 : 1, payload));
            if (qos == AT_MOST_ONCE) {
                publisher.sendBytes(0xC0, 0x00);
            }
            publisher.receive(); // PUBACK, PUBREC or PINGRESP: handled
        }
    }

    private static void disconnectNormally(Wire wire) {
        wire.send(disconnect(ReasonCode.SUCCESS));
        assertThat(wire.awaitCloseHex()).isEmpty();
        wire.close();
    }

    // ---- stored sessions
    // ----------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.1.2-4")
    @Tag("MQTT-3.1.2-5")
    @Tag("MQTT-4.5.0-1")
    @DisplayName("3.1.1: a Clean Session 0 session keeps its subscriptions and stores QoS 1 messages while offline")
    void persistentSessionStoresMessagesWhileOffline311() {
        String id = unique("ss-off-");
        String topic = unique("ss-off/");
        disconnectNormally(subscribed(persistent311(id), topic, AT_LEAST_ONCE));
        publishFromOther(topic, AT_LEAST_ONCE, "while-away-1");
        publishFromOther(topic, AT_LEAST_ONCE, "while-away-2");
        try (Wire again = Wire.open(port, V3_1_1)) {
            again.send(persistent311(id));
            assertThat(again.receiveHex()).isEqualTo("20020100");
            PublishPacket first = again.receive(PublishPacket.class);
            PublishPacket second = again.receive(PublishPacket.class);
            assertThat(text(first)).isEqualTo("while-away-1");
            assertThat(text(second)).isEqualTo("while-away-2");
            assertThat(first.dup()).as("sent for the first time").isFalse();
            assertThat(first.packetId()).isNotEqualTo(second.packetId());
            again.send(PubAckPacket.of(first.packetId()));
            again.send(PubAckPacket.of(second.packetId()));
            // The subscription is still there without subscribing again.
            publishFromOther(topic, AT_LEAST_ONCE, "live");
            assertThat(text(again.receive(PublishPacket.class))).isEqualTo("live");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-6")
    @DisplayName("3.1.1: Clean Session 1 discards the stored session: no subscriptions, no stored messages")
    void cleanSessionDiscardsTheStoredSession311() {
        String id = unique("ss-clean-");
        String topic = unique("ss-clean/");
        disconnectNormally(subscribed(persistent311(id), topic, AT_LEAST_ONCE));
        publishFromOther(topic, AT_LEAST_ONCE, "stored");
        try (Wire clean = Wire.open(port, V3_1_1)) {
            clean.send(connect(V3_1_1, id, true, 60));
            assertThat(clean.receiveHex()).isEqualTo("20020000");
            publishFromOther(topic, AT_LEAST_ONCE, "live");
            clean.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-4.1.0-2")
    @DisplayName("5.0: a session ends when its Session Expiry Interval (1 s) has passed after the connection closed")
    void sessionExpires5() throws InterruptedException {
        String id = unique("ss-exp-");
        String topic = unique("ss-exp/");
        disconnectNormally(subscribed(connect5(id, true, 1), topic, AT_LEAST_ONCE));
        publishFromOther(topic, AT_LEAST_ONCE, "expires-with-the-session");
        RealTime.pass(Duration.ofMillis(1_600));
        try (Wire again = Wire.open(port, V5)) {
            again.send(connect5(id, false, 60));
            assertThat(again.receive(ConnAckPacket.class).sessionPresent()).isFalse();
            again.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.1.2-23")
    @DisplayName("5.0: a session with a Session Expiry Interval is kept after the connection closes")
    void sessionIsKeptWithinItsExpiry5() {
        String id = unique("ss-keep-");
        String topic = unique("ss-keep/");
        disconnectNormally(subscribed(connect5(id, true, 60), topic, AT_LEAST_ONCE));
        publishFromOther(topic, AT_LEAST_ONCE, "kept");
        try (Wire again = Wire.open(port, V5)) {
            again.send(connect5(id, false, 60));
            assertThat(again.receive(ConnAckPacket.class).sessionPresent()).isTrue();
            assertThat(text(again.receive(PublishPacket.class))).isEqualTo("kept");
        }
    }

    @Test
    @Tag("MQTT-4.1.0-2")
    @DisplayName("5.0: DISCONNECT with Session Expiry Interval 0 ends a session that would have been kept")
    void disconnectCanEndTheSession5() {
        String id = unique("ss-dis0-");
        String topic = unique("ss-dis0/");
        Wire first = subscribed(connect5(id, true, 60), topic, AT_LEAST_ONCE);
        first.send(new DisconnectPacket(
                ReasonCode.SUCCESS,
                MqttProperties.builder()
                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, 0)
                        .build()));
        assertThat(first.awaitCloseHex()).isEmpty();
        first.close();
        try (Wire again = Wire.open(port, V5)) {
            again.send(connect5(id, false, 60));
            assertThat(again.receive(ConnAckPacket.class).sessionPresent()).isFalse();
        }
    }

    // ---- redelivery
    // ---------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-4.4.0-1")
    @Tag("MQTT-3.3.1-1")
    @DisplayName("3.1.1: an unacknowledged QoS 1 PUBLISH is resent on reconnect, same bytes but the DUP bit, same id")
    void qos1IsResentWithDupAfterReconnect311() {
        String id = unique("ss-dup-");
        String topic = unique("ss-dup/");
        Wire.Frame original;
        try (Wire subscriber = subscribed(persistent311(id), topic, AT_LEAST_ONCE)) {
            publishFromOther(topic, AT_LEAST_ONCE, "unacked");
            original = subscriber.frame();
            assertThat(original.firstByte()).isEqualTo(0x32);
            subscriber.expectNothing(); // not resent while the connection lasts
        }
        try (Wire again = Wire.open(port, V3_1_1)) {
            again.send(persistent311(id));
            assertThat(again.receiveHex()).isEqualTo("20020100");
            Wire.Frame resent = again.frame();
            assertThat(resent.firstByte()).as("PUBLISH, DUP 1, QoS 1").isEqualTo(0x3A);
            byte[] expected = original.bytes().clone();
            expected[0] |= 0x08;
            assertThat(resent.bytes()).isEqualTo(expected);
            again.send(PubAckPacket.of(((PublishPacket) resent.packet()).packetId()));
            again.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-4.4.0-1")
    @Tag("MQTT-3.3.1-1")
    @DisplayName("5.0: an unacknowledged QoS 1 PUBLISH is resent on reconnect with DUP 1 and its packet id, only then")
    void qos1IsResentWithDupAfterReconnect5() {
        String id = unique("ss-dup5-");
        String topic = unique("ss-dup5/");
        PublishPacket original;
        try (Wire subscriber = subscribed(connect5(id, true, 60), topic, AT_LEAST_ONCE)) {
            publishFromOther(topic, AT_LEAST_ONCE, "unacked");
            original = subscriber.receive(PublishPacket.class);
            assertThat(original.dup()).isFalse();
            subscriber.expectNothing();
        }
        try (Wire again = Wire.open(port, V5)) {
            again.send(connect5(id, false, 60));
            assertThat(again.receive(ConnAckPacket.class).sessionPresent()).isTrue();
            Wire.Frame resent = again.frame();
            PublishPacket publish = (PublishPacket) resent.packet();
            assertThat(resent.firstByte()).isEqualTo(0x3A);
            assertThat(publish.packetId()).isEqualTo(original.packetId());
            assertThat(text(publish)).isEqualTo("unacked");
            again.send(PubAckPacket.of(publish.packetId()));
            again.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-4.4.0-1")
    @DisplayName(
            "3.1.1: a QoS 2 delivery interrupted after PUBREC resumes with exactly 62 02 and the id, not the PUBLISH")
    void pubRelIsResentAfterReconnect311() {
        String id = unique("ss-rel-");
        String topic = unique("ss-rel/");
        int packetId;
        try (Wire subscriber = subscribed(persistent311(id), topic, EXACTLY_ONCE)) {
            publishFromOther(topic, EXACTLY_ONCE, "q2");
            packetId = subscriber.receive(PublishPacket.class).packetId();
            subscriber.send(PubRecPacket.of(packetId));
            assertThat(subscriber.receiveHex()).isEqualTo(String.format("6202%04x", packetId));
        }
        try (Wire again = Wire.open(port, V3_1_1)) {
            again.send(persistent311(id));
            assertThat(again.receiveHex()).isEqualTo("20020100");
            assertThat(again.receiveHex()).isEqualTo(String.format("6202%04x", packetId));
            again.send(PubCompPacket.of(packetId));
            again.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-4.4.0-1")
    @Tag("MQTT-3.3.1-1")
    @DisplayName("5.0: a QoS 2 PUBLISH not yet acknowledged is resent on reconnect with DUP 1 (first byte 3c)")
    void qos2PublishIsResentWithDup5() {
        String id = unique("ss-q2d-");
        String topic = unique("ss-q2d/");
        int packetId;
        try (Wire subscriber = subscribed(connect5(id, true, 60), topic, EXACTLY_ONCE)) {
            publishFromOther(topic, EXACTLY_ONCE, "q2");
            packetId = subscriber.receive(PublishPacket.class).packetId();
        }
        try (Wire again = Wire.open(port, V5)) {
            again.send(connect5(id, false, 60));
            again.receive(ConnAckPacket.class);
            Wire.Frame resent = again.frame();
            assertThat(resent.firstByte()).isEqualTo(0x3C);
            assertThat(((PublishPacket) resent.packet()).packetId()).isEqualTo(packetId);
            again.send(PubRecPacket.of(packetId));
            assertThat(again.receive(PubRelPacket.class).packetId()).isEqualTo(packetId);
            again.send(PubCompPacket.of(packetId));
            again.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.3.4-9")
    @Tag("MQTT-4.9.0-2")
    @Tag("MQTT-4.4.0-1")
    @DisplayName(
            "5.0: on reconnect, unacknowledged messages are resent within the new Receive Maximum (1), the rest as acks arrive")
    void redeliveryRespectsTheNewReceiveMaximum5() {
        String id = unique("ss-rm-");
        String topic = unique("ss-rm/");
        java.util.List<Integer> packetIds = new java.util.ArrayList<>();
        try (Wire subscriber = subscribed(connect5(id, true, 60), topic, AT_LEAST_ONCE)) {
            for (int i = 0; i < 3; i++) {
                publishFromOther(topic, AT_LEAST_ONCE, "m" + i);
                packetIds.add(subscriber.receive(PublishPacket.class).packetId());
            }
        }
        try (Wire again = Wire.open(port, V5)) {
            again.send(connect(
                    V5,
                    id,
                    false,
                    60,
                    MqttProperties.builder()
                            .put(PropertyId.SESSION_EXPIRY_INTERVAL, 60)
                            .put(PropertyId.RECEIVE_MAXIMUM, 1)
                            .build(),
                    java.util.Optional.empty()));
            assertThat(again.receive(ConnAckPacket.class).sessionPresent()).isTrue();
            for (int i = 0; i < 3; i++) {
                Wire.Frame resent = again.frame();
                PublishPacket publish = (PublishPacket) resent.packet();
                assertThat(resent.firstByte()).as("DUP resend of m%d", i).isEqualTo(0x3A);
                assertThat(text(publish)).isEqualTo("m" + i);
                assertThat(publish.packetId()).isEqualTo(packetIds.get(i));
                again.expectNothing(); // Receive Maximum 1: nothing more until this one is acknowledged
                again.send(PubAckPacket.of(publish.packetId()));
            }
            again.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.3.2-5")
    @Tag("MQTT-3.3.2-6")
    @DisplayName("5.0: messages stored for an offline session expire there, and the rest go out with the time left")
    void storedMessagesExpire5() throws InterruptedException {
        String id = unique("ss-mexp-");
        String topic = unique("ss-mexp/");
        disconnectNormally(subscribed(connect5(id, true, 60), topic, AT_LEAST_ONCE));
        try (Wire publisher = Wire.connect(port, V5, unique("ss-pub5-"))) {
            for (int seconds : new int[] {1, 60}) {
                publisher.send(publish(
                        topic,
                        AT_LEAST_ONCE,
                        seconds,
                        "expiry " + seconds,
                        false,
                        MqttProperties.builder()
                                .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, seconds)
                                .build()));
                publisher.receive(PubAckPacket.class);
            }
        }
        RealTime.pass(Duration.ofMillis(1_300));
        try (Wire again = Wire.open(port, V5)) {
            again.send(connect5(id, false, 60));
            assertThat(again.receive(ConnAckPacket.class).sessionPresent()).isTrue();
            PublishPacket kept = again.receive(PublishPacket.class);
            assertThat(text(kept)).isEqualTo("expiry 60");
            assertThat(kept.properties().messageExpiryInterval().orElseThrow()).isBetween(55L, 59L);
            again.send(PubAckPacket.of(kept.packetId()));
            again.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.1.4-3")
    @Tag("MQTT-4.4.0-1")
    @DisplayName("5.0: a session taken over with a message unacknowledged: the new connection gets it again with DUP 1")
    void takeoverResendsInflightMessages5() {
        String id = unique("ss-to-");
        String topic = unique("ss-to/");
        try (Wire first = subscribed(connect5(id, true, 60), topic, AT_LEAST_ONCE);
                Wire second = Wire.open(port, V5)) {
            publishFromOther(topic, AT_LEAST_ONCE, "inflight");
            int packetId = first.receive(PublishPacket.class).packetId();
            second.send(connect5(id, false, 60));
            assertThat(second.receive(ConnAckPacket.class).sessionPresent()).isTrue();
            Wire.Frame resent = second.frame();
            assertThat(resent.firstByte()).isEqualTo(0x3A);
            assertThat(((PublishPacket) resent.packet()).packetId()).isEqualTo(packetId);
            assertThat(first.awaitCloseHex()).isEqualTo("e0018e");
        }
    }

    @Test
    @Tag("MQTT-3.10.4-3")
    @DisplayName("3.1.1: UNSUBSCRIBE does not abandon a QoS 1 delivery already started: it is resent after reconnect")
    void unsubscribeCompletesStartedDeliveries311() {
        String id = unique("ss-uns-");
        String topic = unique("ss-uns/");
        int packetId;
        try (Wire subscriber = subscribed(persistent311(id), topic, AT_LEAST_ONCE)) {
            publishFromOther(topic, AT_LEAST_ONCE, "started");
            packetId = subscriber.receive(PublishPacket.class).packetId();
            subscriber.send(Packets.unsubscribe(2, topic));
            assertThat(subscriber.receiveHex()).isEqualTo("b0020002");
        }
        try (Wire again = Wire.open(port, V3_1_1)) {
            again.send(persistent311(id));
            assertThat(again.receiveHex()).isEqualTo("20020100");
            PublishPacket resent = again.receive(PublishPacket.class);
            assertThat(resent.packetId()).isEqualTo(packetId);
            assertThat(resent.dup()).isTrue();
            again.send(PubAckPacket.of(packetId));
            publishFromOther(topic, AT_LEAST_ONCE, "after");
            again.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-4.4.0-2")
    @DisplayName(
            "5.0: a PUBREC with a reason code of 0x80 or more ends the delivery: no PUBREL, no resend on reconnect")
    void pubRecWithAnErrorEndsTheDelivery5() {
        String id = unique("ss-rec80-");
        String topic = unique("ss-rec80/");
        try (Wire subscriber = subscribed(connect5(id, true, 60), topic, EXACTLY_ONCE)) {
            publishFromOther(topic, EXACTLY_ONCE, "refused");
            int packetId = subscriber.receive(PublishPacket.class).packetId();
            subscriber.send(new PubRecPacket(packetId, ReasonCode.UNSPECIFIED_ERROR, MqttProperties.EMPTY));
            subscriber.expectNothing();
        }
        try (Wire again = Wire.open(port, V5)) {
            again.send(connect5(id, false, 60));
            assertThat(again.receive(ConnAckPacket.class).sessionPresent()).isTrue();
            again.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-4.3.3-2")
    @Tag("MQTT-4.4.0-1")
    @DisplayName("3.1.1: a QoS 2 PUBLISH resent by the client after a reconnect is acknowledged, not delivered again")
    void inboundQos2SurvivesAReconnect311() {
        String id = unique("ss-in2-");
        String topic = unique("ss-in2/");
        try (Wire subscriber = subscribed(connect(V3_1_1, unique("ss-s-"), true, 60), topic, AT_MOST_ONCE)) {
            try (Wire publisher = Wire.connect(port, persistent311(id))) {
                publisher.send(publish(topic, EXACTLY_ONCE, 7, "once"));
                assertThat(publisher.receiveHex()).isEqualTo("50020007");
            }
            assertThat(text(subscriber.receive(PublishPacket.class))).isEqualTo("once");
            try (Wire again = Wire.open(port, V3_1_1)) {
                again.send(persistent311(id));
                assertThat(again.receiveHex()).isEqualTo("20020100");
                again.send(publish(true, topic, EXACTLY_ONCE, 7, Packets.utf8("once"), false, MqttProperties.EMPTY));
                assertThat(again.receiveHex()).isEqualTo("50020007");
                again.send(PubRelPacket.of(7));
                assertThat(again.receiveHex()).isEqualTo("70020007");
            }
            subscriber.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-2.2.1-4")
    @Tag("MQTT-4.6.0-6")
    @DisplayName("5.0: messages stored while offline arrive in order, each with its own unused packet id")
    void storedMessagesKeepTheirOrder5() {
        String id = unique("ss-ord-");
        String topic = unique("ss-ord/");
        disconnectNormally(subscribed(connect5(id, true, 60), topic, EXACTLY_ONCE));
        for (int i = 0; i < 10; i++) {
            publishFromOther(topic, i % 2 == 0 ? AT_LEAST_ONCE : EXACTLY_ONCE, "m" + i);
        }
        try (Wire again = Wire.open(port, V5)) {
            again.send(connect5(id, false, 60));
            assertThat(again.receive(ConnAckPacket.class).sessionPresent()).isTrue();
            Set<Integer> ids = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                PublishPacket publish = again.receive(PublishPacket.class);
                assertThat(text(publish)).isEqualTo("m" + i);
                assertThat(publish.packetId()).isNotZero();
                ids.add(publish.packetId());
            }
            assertThat(ids).hasSize(10);
        }
    }
}
