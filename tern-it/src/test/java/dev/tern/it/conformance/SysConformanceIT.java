package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.text;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.mqtt.codec.MqttQos.AT_MOST_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.testkit.EmbeddedBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code $SYS} topics (Mosquitto's names, published every {@code sys.interval} seconds, retained) and the rule that
 * keeps them out of {@code #} and {@code +} subscriptions [MQTT-4.7.2-1].
 */
@DisplayName("$SYS topics, 4.7.2 topics beginning with $")
class SysConformanceIT {
    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of("sys.interval", "1"));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Wire subscriber(MqttVersion version, String filter) {
        Wire wire = Wire.connect(port, version, unique("y-sub-"));
        wire.send(subscribe(1, filter, AT_MOST_ONCE));
        wire.receive(SubAckPacket.class);
        return wire;
    }

    /** Every PUBLISH received within {@code window}. */
    private static List<PublishPacket> collect(Wire wire, Duration window) {
        List<PublishPacket> out = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return out;
            }
            try {
                out.add((PublishPacket) wire.frame(Duration.ofNanos(left)).packet());
            } catch (AssertionError e) {
                return out;
            }
        }
    }

    @Test
    @Tag("MQTT-3.3.1-8")
    @DisplayName("3.1.1: $SYS/broker/version is retained: a new subscriber gets 'Tern <version>' with RETAIN 1")
    void versionIsRetained311() {
        try (Wire client = subscriber(V3_1_1, "$SYS/broker/version")) {
            PublishPacket version = client.receive(PublishPacket.class);
            assertThat(version.topic()).isEqualTo("$SYS/broker/version");
            assertThat(version.retainFlag()).isTrue();
            assertThat(text(version)).isEqualTo("Tern " + broker.server().version());
        }
    }

    @Test
    @Tag("MQTT-3.3.1-9")
    @DisplayName("5.0: $SYS/broker/# holds Mosquitto's topic names, each a retained value")
    void mosquittoTopicNames5() {
        try (Wire client = subscriber(V5, "$SYS/broker/#")) {
            Map<String, String> values = new LinkedHashMap<>();
            for (PublishPacket publish : collect(client, Duration.ofMillis(1_200))) {
                if (publish.retainFlag()) {
                    values.put(publish.topic().substring("$SYS/broker/".length()), text(publish));
                }
            }
            assertThat(values)
                    .containsKeys(
                            "version",
                            "uptime",
                            "clients/connected",
                            "clients/total",
                            "messages/received",
                            "messages/sent",
                            "bytes/received",
                            "bytes/sent",
                            "subscriptions/count",
                            "retained messages/count",
                            "load/messages/received/1min",
                            "load/bytes/sent/15min");
            assertThat(values.get("uptime")).matches("\\d+ seconds");
            assertThat(values.get("clients/connected")).matches("\\d+");
        }
    }

    @Test
    @Tag("MQTT-4.7.2-1")
    @Tag("MQTT-3.3.1-12")
    @DisplayName("3.1.1 and 5.0: # and +/broker/# never get $SYS, $SYS/# gets each publication live with RETAIN 0")
    void sysIsNotMatchedByLeadingWildcards() {
        try (Wire hash = subscriber(V3_1_1, "#");
                Wire plus = subscriber(V5, "+/broker/#");
                Wire sys = subscriber(V5, "$SYS/#")) {
            List<PublishPacket> toSys = collect(sys, Duration.ofMillis(1_600));
            assertThat(toSys)
                    .as("retained values at once, then at least one live round")
                    .isNotEmpty();
            assertThat(toSys).anyMatch(publish -> !publish.retainFlag());
            assertThat(collect(hash, Wire.QUIET))
                    .noneMatch(publish -> publish.topic().startsWith("$"));
            assertThat(collect(plus, Wire.QUIET))
                    .noneMatch(publish -> publish.topic().startsWith("$"));
        }
    }
}
