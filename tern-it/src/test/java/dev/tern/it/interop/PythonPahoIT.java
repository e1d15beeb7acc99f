package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.WAIT;
import static dev.tern.it.interop.Interop.text;
import static dev.tern.it.interop.Interop.unique;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.testkit.CapturedProcess;
import dev.tern.testkit.EmbeddedBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * python3-paho-mqtt 1.6.1 (Debian's, run by /usr/bin/python3): a small script subscribes, publishes at QoS 1 to
 * itself and prints what comes back. Its callbacks set {@code threading.Event}s and print under a lock held only for
 * the write, never around a call into paho: holding a lock of one's own while calling {@code publish()} and taking it
 * in {@code on_publish} deadlocks paho (see PEERS.md).
 */
class PythonPahoIT {
    private static final String SCRIPT = """
            import sys
            import threading
            import paho.mqtt.client as mqtt
            from paho.mqtt.packettypes import PacketTypes
            from paho.mqtt.properties import Properties

            host, port, topic, version, client_id = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
            v5 = version == "5"
            subscribed = threading.Event()
            received = threading.Event()
            output = threading.Lock()  # held only around one write: never while calling into paho

            def say(*parts):
                with output:
                    sys.stdout.write(" ".join(str(part) for part in parts) + "\\n")
                    sys.stdout.flush()

            def on_connect(client, userdata, flags, rc, properties=None):
                say("CONNECTED", rc)
                client.subscribe(topic, qos=1)

            def on_subscribe(client, userdata, mid, *granted):
                subscribed.set()

            def on_message(client, userdata, msg):
                user_properties = []
                if v5 and msg.properties is not None and hasattr(msg.properties, "UserProperty"):
                    user_properties = msg.properties.UserProperty
                pairs = ",".join(name + "=" + value for name, value in user_properties)
                say("RECEIVED", msg.topic, msg.payload.decode(), "qos=%d" % msg.qos, "props=" + pairs)
                received.set()

            client = mqtt.Client(client_id=client_id, protocol=mqtt.MQTTv5 if v5 else mqtt.MQTTv311)
            client.on_connect = on_connect
            client.on_subscribe = on_subscribe
            client.on_message = on_message
            client.connect(host, port, keepalive=30)
            client.loop_start()
            if not subscribed.wait(10):
                say("NO SUBACK")
                sys.exit(2)
            properties = None
            if v5:
                properties = Properties(PacketTypes.PUBLISH)
                properties.UserProperty = [("lang", "python"), ("lang", "again")]
            info = client.publish(topic, b"round trip", qos=1, properties=properties)
            info.wait_for_publish(timeout=10)
            say("PUBACKED", info.is_published())
            if not received.wait(10):
                say("NOTHING RECEIVED")
                sys.exit(3)
            client.disconnect()
            client.loop_stop()
            say("DONE")
            """;

    private static EmbeddedBroker broker;
    private final HiveMqClients clients = new HiveMqClients(() -> broker.port());

    @TempDir
    static Path scripts;

    @BeforeAll
    static void startBroker() throws IOException {
        Interop.requireDebianPythonPaho();
        Files.writeString(scripts.resolve("round_trip.py"), SCRIPT);
        broker = EmbeddedBroker.start(Map.of("sys.interval", "0"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void disconnectClients() {
        clients.close();
    }

    @Test
    void aPythonMqtt311ClientGetsItsOwnQos1MessageBack() {
        String topic = unique("py311") + "/t";
        try (CapturedProcess python = roundTrip(topic, "311")) {
            assertThat(python.awaitExit(WAIT))
                    .as("exit status; output: %s", python.output())
                    .isZero();
            assertThat(python.lines())
                    .contains("CONNECTED 0", "PUBACKED True", "RECEIVED " + topic + " round trip qos=1 props=", "DONE");
        }
    }

    @Test
    void aPythonMqtt5ClientGetsItsOwnQos1MessageBackWithItsUserPropertiesAndSoDoesAJavaClient() throws Exception {
        String topic = unique("py5") + "/t";
        Mqtt5BlockingClient java = clients.connected5(unique("py5-java"));
        try (Mqtt5Publishes toJava = java.publishes(MqttGlobalPublishFilter.ALL)) {
            java.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();

            try (CapturedProcess python = roundTrip(topic, "5")) {
                assertThat(python.awaitExit(WAIT))
                        .as("exit status; output: %s", python.output())
                        .isZero();
                assertThat(python.lines())
                        .contains(
                                "CONNECTED Success",
                                "PUBACKED True",
                                "RECEIVED " + topic + " round trip qos=1 props=lang=python,lang=again",
                                "DONE");
            }
            Mqtt5Publish copy = toJava.receive(WAIT.toMillis(), MILLISECONDS).orElseThrow();
            assertThat(text(copy.getPayloadAsBytes())).isEqualTo("round trip");
            assertThat(copy.getUserProperties().asList())
                    .extracting(p -> p.getName() + "=" + p.getValue())
                    .containsExactly("lang=python", "lang=again");
        }
    }

    private static CapturedProcess roundTrip(String topic, String version) {
        return CapturedProcess.start(
                "python3-paho",
                List.of(
                        Interop.DEBIAN_PYTHON.toString(),
                        scripts.resolve("round_trip.py").toString(),
                        broker.host(),
                        String.valueOf(broker.port()),
                        topic,
                        version,
                        unique("py-" + version)));
    }
}
