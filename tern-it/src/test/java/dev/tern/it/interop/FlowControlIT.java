package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.WAIT;
import static dev.tern.it.interop.Interop.text;
import static dev.tern.it.interop.Interop.unique;
import static dev.tern.it.interop.Interop.utf8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import dev.tern.testkit.CapturedProcess;
import dev.tern.testkit.EmbeddedBroker;
import dev.tern.testkit.MosquittoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bursts through narrow windows: the broker accepts at most 4 unacknowledged QoS 1/2 PUBLISHes from an MQTT 5 client
 * ({@code mqtt.receive_maximum=4}) and keeps at most 10 unacknowledged ones out to any client ({@code
 * mqtt.max_inflight=10}), so every message of a burst queues somewhere and order has to survive that.
 */
class FlowControlIT {
    private static final int BURST = 300;

    private static EmbeddedBroker broker;
    private final HiveMqClients clients = new HiveMqClients(() -> broker.port());

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of(
                "sys.interval", "0",
                "mqtt.receive_maximum", "4",
                "mqtt.max_inflight", "10",
                "mqtt.max_keepalive", "30"));
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
    void anMqtt5BurstOfMixedQos1AndQos2MessagesArrivesCompleteAndInOrderThroughBothWindows() throws Exception {
        String topic = unique("burst5") + "/t";
        ConcurrentLinkedQueue<String> received = subscriber(topic);
        Mqtt5BlockingClient publisher = clients.connected5(unique("burst5-pub"));
        assertThat(publisher
                        .getConfig()
                        .getConnectionConfig()
                        .orElseThrow()
                        .getRestrictionsForClient()
                        .getSendMaximum())
                .as("the broker's Receive Maximum, which the client honours")
                .isEqualTo(4);

        Mqtt5AsyncClient async = publisher.toAsync();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            sent.add(async.publishWith()
                    .topic(topic)
                    .qos(i % 2 == 0 ? MqttQos.AT_LEAST_ONCE : MqttQos.EXACTLY_ONCE)
                    .payload(utf8(Integer.toString(i)))
                    .send());
        }

        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), MILLISECONDS);
        await().atMost(WAIT).until(() -> received.size() >= BURST);
        assertThat(received).containsExactlyElementsOf(numbers(BURST));
    }

    @Test
    void anMqtt311ClientWhichKnowsNoReceiveMaximumMayHaveManyQos2MessagesUnacknowledged() throws Exception {
        // MQTT 3.1.1 has no Receive Maximum: the client was never told a limit and sends as many QoS 2 PUBLISHes as
        // it likes before their PUBRELs. Mosquitto (2.0.13 and later) accepts them all; so must we.
        String topic = unique("burst311") + "/t";
        ConcurrentLinkedQueue<String> received = subscriber(topic);
        Mqtt3AsyncClient publisher = clients.connected3(unique("burst311-pub")).toAsync();

        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            sent.add(publisher
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.EXACTLY_ONCE)
                    .payload(utf8(Integer.toString(i)))
                    .send());
        }

        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), MILLISECONDS);
        await().atMost(WAIT).until(() -> received.size() >= BURST);
        assertThat(received).containsExactlyElementsOf(numbers(BURST));
    }

    @Test
    void mosquittoPubOverMqtt311GetsABurstOfQos2MessagesThroughWithItsOwnInflightWindowOfTwenty() throws Exception {
        Interop.requireMosquittoClients();
        String topic = unique("burst-mosq") + "/t";
        ConcurrentLinkedQueue<String> received = subscriber(topic);
        try (CapturedProcess pub = MosquittoClients.pub(
                "-h",
                broker.host(),
                "-p",
                String.valueOf(broker.port()),
                "-V",
                "mqttv311",
                "-q",
                "2",
                "-t",
                topic,
                "-m",
                "same",
                "--repeat",
                "100")) {
            assertThat(pub.awaitExit(WAIT))
                    .as("mosquitto_pub exit status; output: %s", pub.output())
                    .isZero();
        }
        await().atMost(WAIT).until(() -> received.size() >= 100);
        assertThat(received).hasSize(100).containsOnly("same");
    }

    @Test
    void aClientAskingForNoKeepAliveIsGivenTheServerKeepAlive() {
        Mqtt5BlockingClient client = clients.add5(Interop.hiveMq5Blocking(broker.port(), unique("keepalive")));
        Mqtt5ConnAck ack = client.connectWith().keepAlive(0).send();
        assertThat(ack.getServerKeepAlive()).hasValue(30);
        assertThat(client.getConfig().getConnectionConfig().orElseThrow().getKeepAlive())
                .as("the keep alive the client now keeps")
                .isEqualTo(30);
    }

    /** A QoS 2 HiveMQ MQTT 5 subscriber to {@code topic}, collecting payloads in arrival order. */
    private ConcurrentLinkedQueue<String> subscriber(String topic) {
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        Mqtt5BlockingClient subscriber = clients.connected5(unique("burst-sub"));
        subscriber.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> received.add(text(p.getPayloadAsBytes())));
        subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.EXACTLY_ONCE).send();
        return received;
    }

    private static List<String> numbers(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }
}
