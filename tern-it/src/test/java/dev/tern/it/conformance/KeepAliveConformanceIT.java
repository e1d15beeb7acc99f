package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.connect;
import static dev.tern.it.conformance.Packets.publish;
import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.text;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.it.conformance.Packets.will;
import static dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.AT_MOST_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.PingReqPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.testkit.EmbeddedBroker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keep Alive (3.1.2.10), Server Keep Alive (3.2.2.3.14), PINGREQ and PINGRESP (3.12, 3.13). */
@DisplayName("3.1.2.10 Keep Alive, 3.12 PINGREQ, 3.13 PINGRESP")
class KeepAliveConformanceIT {
    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of("sys.interval", "0", "mqtt.max_keepalive", "30"));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    @Tag("MQTT-3.12.4-1")
    @DisplayName("3.1.1: PINGREQ is answered with exactly d0 00")
    void pingResp311() {
        try (Wire client = Wire.connect(port, V3_1_1, unique("k-ping-"))) {
            client.send(PingReqPacket.INSTANCE);
            assertThat(client.receiveHex()).isEqualTo("d000");
        }
    }

    @Test
    @Tag("MQTT-3.12.4-1")
    @DisplayName("5.0: PINGREQ is answered with exactly d0 00")
    void pingResp5() {
        try (Wire client = Wire.connect(port, V5, unique("k-ping5-"))) {
            client.sendBytes(0xC0, 0x00);
            assertThat(client.receiveHex()).isEqualTo("d000");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-24")
    @DisplayName("3.1.1: with Keep Alive 1 s, a silent client is disconnected after 1.5 s, with nothing sent")
    void silentClientIsDisconnected311() {
        try (Wire client = Wire.connect(port, connect(V3_1_1, unique("k-silent-"), true, 1))) {
            long start = System.nanoTime();
            assertThat(client.awaitClose(Duration.ofSeconds(5))).isEmpty();
            assertThat(millisSince(start)).isBetween(1_300L, 3_500L);
        }
    }

    @Test
    @Tag("MQTT-3.1.2-22")
    @Tag("MQTT-3.1.2-8")
    @DisplayName("5.0: with Keep Alive 1 s, a silent client gets exactly e0 01 8d after 1.5 s, the close, and its will")
    void silentClientGetsKeepAliveTimeoutAndItsWillIsPublished5() {
        String willTopic = unique("k-will/");
        try (Wire watcher = Wire.connect(port, V3_1_1, unique("k-watch-"))) {
            watcher.send(subscribe(1, willTopic, AT_LEAST_ONCE));
            watcher.receive(SubAckPacket.class);
            try (Wire client = Wire.connect(
                    port,
                    connect(
                            V5,
                            unique("k-silent5-"),
                            true,
                            1,
                            MqttProperties.EMPTY,
                            Optional.of(will(willTopic, "gone", AT_LEAST_ONCE, false))))) {
                long start = System.nanoTime();
                assertThat(client.awaitCloseHex()).isEqualTo("e0018d");
                assertThat(millisSince(start)).isBetween(1_300L, 3_500L);
            }
            PublishPacket will = watcher.receive(PublishPacket.class);
            assertThat(will.topic()).isEqualTo(willTopic);
            assertThat(text(will)).isEqualTo("gone");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-22")
    @DisplayName("5.0: any packet within each 1.5 x Keep Alive keeps the connection open")
    void activityKeepsTheConnectionOpen5() throws InterruptedException {
        try (Wire client = Wire.connect(port, connect(V5, unique("k-busy-"), true, 1))) {
            for (int i = 0; i < 5; i++) {
                RealTime.pass(Duration.ofMillis(500));
                if (i % 2 == 0) {
                    client.send(PingReqPacket.INSTANCE);
                    assertThat(client.receiveHex()).isEqualTo("d000");
                } else {
                    client.send(publish(unique("k-busy/"), AT_MOST_ONCE, 0, "tick"));
                }
            }
            client.send(PingReqPacket.INSTANCE);
            assertThat(client.receiveHex()).as("still open after 2.5 s").isEqualTo("d000");
        }
    }

    @ParameterizedTest(name = "client Keep Alive {0}")
    @ValueSource(ints = {0, 31, 65535})
    @Tag("MQTT-3.2.2-21")
    @Tag("MQTT-3.1.2-21")
    @DisplayName("5.0: a Keep Alive of 0 or above mqtt.max_keepalive (30) is answered with Server Keep Alive 30")
    void serverKeepAliveOverridesTheClient5(int keepAlive) {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(V5, unique("k-ska-"), true, keepAlive));
            ConnAckPacket connAck = client.receive(ConnAckPacket.class);
            assertThat(connAck.properties().serverKeepAlive()).hasValue(30);
        }
    }

    @ParameterizedTest(name = "client Keep Alive {0}")
    @ValueSource(ints = {1, 10, 30})
    @Tag("MQTT-3.2.2-22")
    @DisplayName("5.0: a Keep Alive within mqtt.max_keepalive is kept: no Server Keep Alive in CONNACK")
    void keepAliveWithinTheMaximumIsKept5(int keepAlive) {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(V5, unique("k-ka-"), true, keepAlive));
            assertThat(client.receive(ConnAckPacket.class).properties().serverKeepAlive())
                    .isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.2.2-21")
    @Tag("MQTT-3.1.2-22")
    @DisplayName("5.0: the Server Keep Alive is enforced: asking for 0 with mqtt.max_keepalive=1 ends in e0 01 8d")
    void serverKeepAliveIsEnforced5() {
        try (EmbeddedBroker strict = EmbeddedBroker.start(Map.of("sys.interval", "0", "mqtt.max_keepalive", "1"));
                Wire client = Wire.open(strict.port(), V5)) {
            client.send(connect(V5, unique("k-strict-"), true, 0));
            assertThat(client.receive(ConnAckPacket.class).properties().serverKeepAlive())
                    .hasValue(1);
            long start = System.nanoTime();
            assertThat(client.awaitCloseHex()).isEqualTo("e0018d");
            assertThat(millisSince(start)).isBetween(1_300L, 3_500L);
        }
    }

    @Test
    @Tag("MQTT-3.1.2-24")
    @DisplayName("3.1.1: a client asking for Keep Alive 0 is held to mqtt.max_keepalive (it cannot be told)")
    void keepAliveZeroIsCappedSilently311() {
        try (EmbeddedBroker strict = EmbeddedBroker.start(Map.of("sys.interval", "0", "mqtt.max_keepalive", "1"));
                Wire client = Wire.open(strict.port(), V3_1_1)) {
            client.send(connect(V3_1_1, unique("k-strict3-"), true, 0));
            assertThat(client.receiveHex()).isEqualTo("20020000");
            long start = System.nanoTime();
            assertThat(client.awaitCloseHex()).isEmpty();
            assertThat(millisSince(start)).isBetween(1_300L, 3_500L);
        }
    }
}
