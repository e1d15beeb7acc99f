package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.connect;
import static dev.tern.it.conformance.Packets.connect5;
import static dev.tern.it.conformance.Packets.disconnect;
import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.text;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.it.conformance.Packets.will;
import static dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.AT_MOST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.EXACTLY_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.mqtt.codec.Will;
import dev.tern.testkit.EmbeddedBroker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Section 3.14 DISCONNECT and the will message (3.1.2.5, 3.1.3.2): when it is published and when it is not. */
@DisplayName("3.14 DISCONNECT, 3.1.2.5 will")
class DisconnectConformanceIT {
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

    /** A 3.1.1 client subscribed to {@code topic} at QoS 2. */
    private static Wire watcher(String topic) {
        Wire wire = Wire.connect(port, V3_1_1, unique("d-watch-"));
        wire.send(subscribe(1, topic, EXACTLY_ONCE));
        wire.receive(SubAckPacket.class);
        return wire;
    }

    private static ConnectPacket withWill(MqttVersion version, String id, Will will) {
        return connect(version, id, true, 60, MqttProperties.EMPTY, Optional.of(will));
    }

    private static ConnectPacket withWill5(String id, long sessionExpiry, Will will) {
        return connect(
                V5,
                id,
                false,
                60,
                MqttProperties.builder()
                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, sessionExpiry)
                        .build(),
                Optional.of(will));
    }

    private static MqttProperties willDelay(long seconds) {
        return MqttProperties.builder()
                .put(PropertyId.WILL_DELAY_INTERVAL, seconds)
                .build();
    }

    // ---- 3.1.1 ------------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.1.2-8")
    @Tag("MQTT-3.1.2-16")
    @DisplayName("3.1.1: a connection that closes without DISCONNECT has its will published, not retained")
    void willOnUngracefulClose311() {
        String topic = unique("d-will/");
        try (Wire watcher = watcher(topic)) {
            Wire client =
                    Wire.connect(port, withWill(V3_1_1, unique("d-c-"), will(topic, "lost", AT_LEAST_ONCE, false)));
            client.close();
            Wire.Frame frame = watcher.frame();
            assertThat(frame.hex())
                    .isEqualTo(Packets.hex(
                            Packets.publish(topic, AT_LEAST_ONCE, ((PublishPacket) frame.packet()).packetId(), "lost"),
                            V3_1_1));
        }
    }

    @Test
    @Tag("MQTT-3.1.2-17")
    @DisplayName("3.1.1: a will with Will Retain 1 is published as a retained message")
    void retainedWill311() {
        String topic = unique("d-rwill/");
        try (Wire watcher = watcher(topic)) {
            Wire client =
                    Wire.connect(port, withWill(V3_1_1, unique("d-c-"), will(topic, "stays", AT_MOST_ONCE, true)));
            client.close();
            assertThat(text(watcher.receive(PublishPacket.class))).isEqualTo("stays");
        }
        try (Wire later = watcher(topic)) {
            PublishPacket retained = later.receive(PublishPacket.class);
            assertThat(text(retained)).isEqualTo("stays");
            assertThat(retained.retainFlag()).isTrue();
        }
    }

    @Test
    @Tag("MQTT-3.14.4-3")
    @Tag("MQTT-3.1.2-10")
    @DisplayName("3.1.1: DISCONNECT discards the will, and the server closes the connection")
    void disconnectDiscardsTheWill311() {
        String topic = unique("d-nowill/");
        try (Wire watcher = watcher(topic)) {
            try (Wire client =
                    Wire.connect(port, withWill(V3_1_1, unique("d-c-"), will(topic, "never", AT_LEAST_ONCE, false)))) {
                client.sendBytes(0xE0, 0x00);
                assertThat(client.awaitCloseHex()).isEmpty();
            }
            watcher.expectNothing();
        }
    }

    // ---- 5.0 --------------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.14.4-3")
    @Tag("MQTT-3.1.2-10")
    @DisplayName("5.0: DISCONNECT 0x00 discards the will, and the server closes the connection")
    void normalDisconnectDiscardsTheWill5() {
        String topic = unique("d-nowill5/");
        try (Wire watcher = watcher(topic)) {
            try (Wire client =
                    Wire.connect(port, withWill(V5, unique("d-c-"), will(topic, "never", AT_LEAST_ONCE, false)))) {
                client.sendBytes(0xE0, 0x01, 0x00);
                assertThat(client.awaitCloseHex()).isEmpty();
            }
            watcher.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.1.2-8")
    @DisplayName("5.0: DISCONNECT 0x04 (Disconnect with Will Message) publishes the will")
    void disconnectWithWillMessage5() {
        String topic = unique("d-w04/");
        try (Wire watcher = watcher(topic)) {
            try (Wire client =
                    Wire.connect(port, withWill(V5, unique("d-c-"), will(topic, "asked", AT_LEAST_ONCE, false)))) {
                client.send(disconnect(ReasonCode.DISCONNECT_WITH_WILL_MESSAGE));
                assertThat(client.awaitCloseHex()).isEmpty();
            }
            assertThat(text(watcher.receive(PublishPacket.class))).isEqualTo("asked");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-8")
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: a protocol error ends the connection with DISCONNECT and publishes the will")
    void protocolErrorPublishesTheWill5() {
        String topic = unique("d-wpe/");
        String id = unique("d-c-");
        try (Wire watcher = watcher(topic)) {
            try (Wire client = Wire.connect(port, withWill(V5, id, will(topic, "broken", AT_LEAST_ONCE, false)))) {
                client.send(connect(V5, id));
                DisconnectPacket disconnect = client.receive(DisconnectPacket.class);
                assertThat(disconnect.reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
                assertThat(client.awaitCloseHex()).isEmpty();
            }
            assertThat(text(watcher.receive(PublishPacket.class))).isEqualTo("broken");
        }
    }

    @Test
    @Tag("MQTT-4.13.1-1")
    @Tag("MQTT-3.1.2-8")
    @DisplayName("5.0: a Session Expiry Interval on DISCONNECT after CONNECT said 0 is a Protocol Error (3.14.2.2.2)")
    void sessionExpiryOnDisconnectAfterZero5() {
        String topic = unique("d-wse/");
        try (Wire watcher = watcher(topic)) {
            try (Wire client =
                    Wire.connect(port, withWill(V5, unique("d-c-"), will(topic, "invalid", AT_LEAST_ONCE, false)))) {
                client.send(new DisconnectPacket(
                        ReasonCode.SUCCESS,
                        MqttProperties.builder()
                                .put(PropertyId.SESSION_EXPIRY_INTERVAL, 60)
                                .build()));
                Wire.Frame frame = client.frame();
                assertThat(frame.firstByte()).isEqualTo(0xE0);
                assertThat(frame.bytes()[2] & 0xFF).isEqualTo(0x82);
                assertThat(client.awaitCloseHex()).isEmpty();
            }
            assertThat(text(watcher.receive(PublishPacket.class)))
                    .as("the invalid DISCONNECT is no normal disconnection")
                    .isEqualTo("invalid");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-15")
    @Tag("MQTT-3.1.3-10")
    @DisplayName("5.0: a retained will is published retained, with its properties and user properties in order")
    void willPropertiesAndRetain5() {
        String topic = unique("d-wprop/");
        MqttProperties properties = MqttProperties.builder()
                .put(PropertyId.CONTENT_TYPE, "text/plain")
                .put(PropertyId.RESPONSE_TOPIC, "reply/to")
                .put(PropertyId.CORRELATION_DATA, new BinaryData(new byte[] {9, 8, 7}))
                .put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                .addUserProperty("z", "1")
                .addUserProperty("a", "2")
                .build();
        Wire client =
                Wire.connect(port, withWill(V5, unique("d-c-"), will(topic, "bye", AT_LEAST_ONCE, true, properties)));
        client.close();
        try (Wire later = Wire.connect(port, V5, unique("d-l-"))) {
            // Subscribe once the will is surely out: a retained will reaches a later subscriber either way.
            PublishPacket received = null;
            for (int attempt = 1; attempt <= 20 && received == null; attempt++) {
                later.send(subscribe(attempt, topic, AT_LEAST_ONCE));
                later.receive(SubAckPacket.class);
                try {
                    received =
                            (PublishPacket) later.frame(Duration.ofMillis(150)).packet();
                } catch (AssertionError e) {
                    // not published yet
                }
            }
            assertThat(received).isNotNull();
            assertThat(received.retainFlag()).isTrue();
            assertThat(received.properties()).isEqualTo(properties);
            assertThat(text(received)).isEqualTo("bye");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-8")
    @DisplayName("5.0: a will with Will Delay Interval 1 s is published about a second after the connection broke")
    void willDelay5() {
        String topic = unique("d-wdl/");
        try (Wire watcher = watcher(topic)) {
            Wire client = Wire.connect(
                    port, withWill5(unique("d-c-"), 60, will(topic, "late", AT_LEAST_ONCE, false, willDelay(1))));
            client.close();
            long start = System.nanoTime();
            watcher.expectNothing(Duration.ofMillis(600));
            assertThat(text(watcher.receive(PublishPacket.class))).isEqualTo("late");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(600L, 2_500L);
        }
    }

    @Test
    @Tag("MQTT-3.1.3-9")
    @DisplayName("5.0: reconnecting within the Will Delay Interval cancels the will")
    void reconnectWithinTheWillDelay5() {
        String topic = unique("d-wrc/");
        String id = unique("d-c-");
        try (Wire watcher = watcher(topic)) {
            Wire client =
                    Wire.connect(port, withWill5(id, 60, will(topic, "never", AT_LEAST_ONCE, false, willDelay(1))));
            client.close();
            try (Wire again = Wire.open(port, V5)) {
                again.send(connect5(id, false, 60));
                assertThat(again.receive(ConnAckPacket.class).sessionPresent()).isTrue();
                watcher.expectNothing(Duration.ofMillis(1_600));
            }
        }
    }

    @Test
    @Tag("MQTT-3.1.2-8")
    @DisplayName("5.0: a will whose delay outlasts the session is published when the session ends (expiry 1 s)")
    void willGoesWhenTheSessionEnds5() {
        String topic = unique("d-wse/");
        try (Wire watcher = watcher(topic)) {
            Wire client = Wire.connect(
                    port, withWill5(unique("d-c-"), 1, will(topic, "ended", AT_LEAST_ONCE, false, willDelay(3600))));
            client.close();
            assertThat(text(watcher.receive(PublishPacket.class))).isEqualTo("ended");
        }
    }

    @Test
    @Tag("MQTT-3.1.4-3")
    @Tag("MQTT-3.1.2-8")
    @DisplayName("5.0: a session taken over: the old connection gets e0 01 8e, and its will (no delay) is published")
    void takeoverPublishesTheOldConnectionsWill5() {
        String topic = unique("d-wto/");
        String id = unique("d-c-");
        try (Wire watcher = watcher(topic);
                Wire first = Wire.connect(port, withWill5(id, 60, will(topic, "replaced", AT_LEAST_ONCE, false)));
                Wire second = Wire.open(port, V5)) {
            second.send(connect5(id, false, 60));
            assertThat(second.receive(ConnAckPacket.class).sessionPresent()).isTrue();
            assertThat(first.awaitCloseHex()).isEqualTo("e0018e");
            assertThat(text(watcher.receive(PublishPacket.class))).isEqualTo("replaced");
        }
    }
}
