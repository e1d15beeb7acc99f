package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.WAIT;
import static dev.tern.it.interop.Interop.text;
import static dev.tern.it.interop.Interop.unique;
import static dev.tern.it.interop.Interop.utf8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient.Mqtt3Publishes;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.testkit.CapturedProcess;
import dev.tern.testkit.EmbeddedBroker;
import dev.tern.testkit.MosquittoClients;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code $SYS/broker/...} topics, published every second here ({@code sys.interval=1}), as HiveMQ and
 * mosquitto_sub see them. No test in this class publishes a retained message of its own, so a {@code #} subscriber
 * gets nothing on subscribe.
 */
class SysTopicsIT {
    private static EmbeddedBroker broker;
    private final HiveMqClients clients = new HiveMqClients(() -> broker.port());

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of("sys.interval", "1"));
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
    void aSysHashSubscriberSeesTheBrokerVersionAndTheConnectedClientsRefreshedEverySecond() throws Exception {
        Mqtt5BlockingClient watcher = clients.connected5(unique("sys-watcher"));
        try (Mqtt5Publishes received = watcher.publishes(MqttGlobalPublishFilter.ALL)) {
            watcher.subscribeWith().topicFilter("$SYS/#").send();

            Map<String, String> latest = new HashMap<>();
            boolean liveUpdate = false;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(liveUpdate
                    && latest.containsKey("$SYS/broker/version")
                    && latest.containsKey("$SYS/broker/clients/connected"))) {
                Mqtt5Publish message = received.receive(deadline - System.nanoTime(), NANOSECONDS)
                        .orElseThrow(() -> new AssertionError("$SYS topics seen so far: " + latest));
                latest.put(message.getTopic().toString(), text(message.getPayloadAsBytes()));
                // Retained copies come at once on subscribe and may predate this client; a clients/connected copy
                // without RETAIN is a fresh publication made while the watcher is connected.
                liveUpdate |=
                        !message.isRetain() && message.getTopic().toString().equals("$SYS/broker/clients/connected");
            }
            assertThat(latest.get("$SYS/broker/version")).startsWith("Tern ");
            assertThat(Integer.parseInt(latest.get("$SYS/broker/clients/connected")))
                    .isPositive();
            assertThat(latest.keySet()).allMatch(topic -> topic.startsWith("$SYS/broker/"));
        }
    }

    @Test
    void leadingWildcardsDoNotMatchSysTopics() throws Exception {
        Mqtt3BlockingClient everything = clients.connected3(unique("sys-hash"));
        try (Mqtt3Publishes toEverything = everything.publishes(MqttGlobalPublishFilter.ALL)) {
            everything.subscribeWith().topicFilter("#").send();
            everything.subscribeWith().topicFilter("+/broker/uptime").send();

            // A fresh $SYS publication, made after the wildcard subscriptions above were in place.
            Mqtt5BlockingClient sysWatcher = clients.connected5(unique("sys-uptime"));
            try (Mqtt5Publishes toSysWatcher = sysWatcher.publishes(MqttGlobalPublishFilter.ALL)) {
                sysWatcher.subscribeWith().topicFilter("$SYS/broker/uptime").send();
                Mqtt5Publish live;
                do {
                    live = toSysWatcher
                            .receive(WAIT.toMillis(), MILLISECONDS)
                            .orElseThrow(() -> new AssertionError("no $SYS/broker/uptime within " + WAIT));
                } while (live.isRetain());
            }

            String marker = unique("sys-marker") + "/t";
            clients.connected3(unique("sys-marker-pub"))
                    .publishWith()
                    .topic(marker)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("ordinary"))
                    .send();
            Mqtt3Publish first = toEverything
                    .receive(WAIT.toMillis(), MILLISECONDS)
                    .orElseThrow(() -> new AssertionError("the marker did not arrive"));
            assertThat(first.getTopic().toString())
                    .as("the first message a # subscriber receives")
                    .isEqualTo(marker);
        }
    }

    @Test
    void mosquittoSubSubscribedToSysHashWithATimeoutPrintsTheBrokerFigures() {
        Interop.requireMosquittoClients();
        try (CapturedProcess sub = MosquittoClients.sub(
                "-h",
                broker.host(),
                "-p",
                String.valueOf(broker.port()),
                "-V",
                "mqttv311",
                "-t",
                "$SYS/#",
                "-v",
                "-C",
                "40",
                "-W",
                "10")) {
            sub.awaitLine(line -> line.startsWith("$SYS/broker/version Tern "), WAIT);
            sub.awaitLine(line -> line.matches("\\$SYS/broker/clients/connected \\d+"), WAIT);
            assertThat(sub.awaitExit(WAIT))
                    .as("exit status; output: %s", sub.output())
                    .isZero();
            assertThat(sub.lines()).hasSize(40).allMatch(line -> line.startsWith("$SYS/broker/"));
        }
    }
}
