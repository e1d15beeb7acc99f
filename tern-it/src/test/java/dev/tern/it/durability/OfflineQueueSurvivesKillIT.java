package dev.tern.it.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import dev.tern.testkit.BrokerProcess;
import dev.tern.testkit.FreePort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a broker keeps across one kill -9, step by step and deterministically (CrashRecoveryIT does it at random
 * moments under load): an offline session's queue, retained messages, and the will of a client that was connected
 * when the broker died. Each test runs a broker process on its own data directory and port, kills it with SIGKILL and
 * starts it again on both. With {@code -Dtern.crash.durability=memory} (or a broker from before the store) every test
 * fails: that proves they can.
 */
class OfflineQueueSurvivesKillIT {
    private static final int N = 200;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private Path data;
    private int port;
    private BrokerProcess broker;
    private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        data = dir.resolve("data");
        port = FreePort.loopback();
        broker = BrokerProcess.startIn(data, port, Durability.brokerSettings());
    }

    @AfterEach
    void stopBroker() {
        for (Mqtt5BlockingClient client : clients) {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        }
        broker.close();
    }

    @Test
    void messagesQueuedForAnOfflineSessionAreAllDeliveredAfterKill9InOrderAndQos2ExactlyOnce() throws Exception {
        Mqtt5BlockingClient subscriber = client("queue-keeper");
        subscriber.connectWith().cleanStart(true).sessionExpiryInterval(3600).send();
        subscriber
                .subscribeWith()
                .addSubscription()
                .topicFilter("queue/qos1")
                .qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription()
                .addSubscription()
                .topicFilter("queue/qos2")
                .qos(MqttQos.EXACTLY_ONCE)
                .applySubscription()
                .send();
        subscriber.disconnect();

        Mqtt5BlockingClient publisher = client("queue-filler");
        publisher.connect();
        // All at once, so that the broker's group commit is exercised too; every one must be acknowledged.
        List<CompletableFuture<Mqtt5PublishResult>> acknowledgements = new ArrayList<>();
        for (long i = 0; i < N; i++) {
            acknowledgements.add(publish(publisher, new MessageId("queue/qos1", i), MqttQos.AT_LEAST_ONCE));
            acknowledgements.add(publish(publisher, new MessageId("queue/qos2", i), MqttQos.EXACTLY_ONCE));
        }
        for (CompletableFuture<Mqtt5PublishResult> acknowledgement : acknowledgements) {
            assertThat(acknowledgement
                            .get(Durability.WAIT.toMillis(), TimeUnit.MILLISECONDS)
                            .getError())
                    .isEmpty();
        }
        publisher.disconnect();

        killAndRestart();

        List<MessageId> qos1 = new ArrayList<>();
        List<MessageId> qos2 = new ArrayList<>();
        try (Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            Mqtt5ConnAck connAck = subscriber
                    .connectWith()
                    .cleanStart(false)
                    .sessionExpiryInterval(3600)
                    .send();
            assertThat(connAck.isSessionPresent())
                    .as("the offline session survived kill -9 (%s)", broker.log())
                    .isTrue();
            // End markers, queued behind the 2N: once both are in, everything the broker kept has been sent.
            publisher.connect();
            publish(publisher, MessageId.endOf("queue/qos1"), MqttQos.AT_LEAST_ONCE);
            publish(publisher, MessageId.endOf("queue/qos2"), MqttQos.EXACTLY_ONCE);
            int markers = 0;
            while (markers < 2) {
                MessageId id = receive(
                        publishes,
                        "the end markers after " + qos1.size() + " QoS 1 and " + qos2.size() + " QoS 2 messages");
                if (id.isEndMarker()) {
                    markers++;
                } else {
                    (id.topic().equals("queue/qos1") ? qos1 : qos2).add(id);
                }
            }
        }
        // Nothing was in flight when the broker died (the subscriber was offline), so even QoS 1 must come exactly
        // once here: a duplicate would be a message the store kept twice.
        assertThat(qos1).as("QoS 1, in publish order").containsExactlyElementsOf(numbered("queue/qos1"));
        assertThat(qos2).as("QoS 2, exactly once, in publish order").containsExactlyElementsOf(numbered("queue/qos2"));
    }

    @Test
    void aRetainedMessageSurvivesKill9AndOneClearedBeforeTheKillStaysCleared() throws Exception {
        Mqtt5BlockingClient publisher = client("retainer");
        publisher.connect();
        retain(publisher, "retained/kept", "kept");
        retain(publisher, "retained/cleared", "soon gone");
        retain(publisher, "retained/cleared", ""); // an empty retained message clears the topic's
        publisher.disconnect();

        killAndRestart();

        Mqtt5BlockingClient watcher = client("retained-watcher");
        List<String> retained = new ArrayList<>();
        try (Mqtt5Publishes publishes = watcher.publishes(MqttGlobalPublishFilter.ALL)) {
            watcher.connect();
            watcher.subscribeWith()
                    .topicFilter("retained/#")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            // The retained messages are sent on SUBSCRIBE, before anything published after it: a live marker ends them.
            publisher.connect();
            publisher
                    .publishWith()
                    .topic("retained/end")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload("end".getBytes(StandardCharsets.UTF_8))
                    .send();
            while (true) {
                Mqtt5Publish publish = publishes
                        .receive(Durability.WAIT.toMillis(), TimeUnit.MILLISECONDS)
                        .orElseThrow(() -> new AssertionError("no end marker after " + retained + "; " + broker.log()));
                if (publish.getTopic().toString().equals("retained/end")) {
                    break;
                }
                retained.add(publish.getTopic() + "=" + text(publish) + (publish.isRetain() ? " (retained)" : ""));
            }
        }
        assertThat(retained).as("retained messages after kill -9").containsExactly("retained/kept=kept (retained)");
    }

    @Test
    void theWillOfAClientConnectedAtTheCrashIsPublishedOnceItsDelayHasPassedCountedFromTheRestart() throws Exception {
        Duration delay = Duration.ofSeconds(2);
        Mqtt5BlockingClient dying = client("will-client");
        dying.connectWith()
                .cleanStart(true)
                .sessionExpiryInterval(60) // longer than the delay: the will waits for the delay, not the expiry
                .willPublish()
                .topic("will/last-words")
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload("gone".getBytes(StandardCharsets.UTF_8))
                .delayInterval(delay.toSeconds())
                .applyWillPublish()
                .send();

        // The broker dies with the client still connected: there is no DISCONNECT, and no moment of disconnection
        // recorded; the restart is that moment. The will client stays away (no automatic reconnect).
        long restarted = killAndRestart();

        // Subscribed after the restart, in milliseconds, well within the delay: the watcher needs no session of its
        // own to survive, so this test is about the will alone.
        try (Mqtt5Publishes publishes = watch("will-watcher")) {
            Mqtt5Publish will = publishes
                    .receive(delay.plus(Durability.WAIT).toMillis(), TimeUnit.MILLISECONDS)
                    .orElseThrow(() -> new AssertionError(
                            "no will within " + delay.plus(Durability.WAIT) + " of the restart; " + broker.log()));
            long after = System.nanoTime() - restarted;
            assertThat(will.getTopic().toString() + "=" + text(will)).isEqualTo("will/last-words=gone");
            // The broker restored the session after this test launched it: the will cannot be due any earlier.
            assertThat(Duration.ofNanos(after))
                    .as("the will is published once its delay has passed, counted from the restart")
                    .isGreaterThanOrEqualTo(delay);
        }

        // Published once: after one more crash the broker must not have the will any more.
        killAndRestart();
        try (Mqtt5Publishes publishes = watch("will-watcher-again")) {
            // A bounded watch for something that must not happen; it ends early, failing, if the will comes again.
            Optional<Mqtt5Publish> again =
                    publishes.receive(delay.plusMillis(500).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(again.map(OfflineQueueSurvivesKillIT::text))
                    .as("the will, published before the second crash, again")
                    .isEmpty();
        }
    }

    /** A new client subscribed to the will topic; its receipts (close them when done). */
    private Mqtt5Publishes watch(String clientId) {
        Mqtt5BlockingClient watcher = client(clientId);
        Mqtt5Publishes publishes = watcher.publishes(MqttGlobalPublishFilter.ALL);
        watcher.connect();
        watcher.subscribeWith()
                .topicFilter("will/last-words")
                .qos(MqttQos.AT_LEAST_ONCE)
                .send();
        return publishes;
    }

    /** kill -9, then a broker on the same data directory and port; returns when the restart began (nanoTime). */
    private long killAndRestart() {
        assertThat(broker.kill9()).as("killed by SIGKILL").isEqualTo(BrokerProcess.KILLED_BY_SIGKILL);
        long restarted = System.nanoTime();
        broker = BrokerProcess.startIn(data, port, Durability.brokerSettings());
        return restarted;
    }

    private Mqtt5BlockingClient client(String clientId) {
        Mqtt5BlockingClient client = Durability.client(port, clientId).buildBlocking();
        clients.add(client);
        return client;
    }

    private static CompletableFuture<Mqtt5PublishResult> publish(
            Mqtt5BlockingClient client, MessageId id, MqttQos qos) {
        Mqtt5AsyncClient async = client.toAsync();
        return async.publishWith()
                .topic(id.topic())
                .qos(qos)
                .payload(id.payload())
                .send();
    }

    private static void retain(Mqtt5BlockingClient client, String topic, String payload) {
        client.publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    private MessageId receive(Mqtt5Publishes publishes, String what) throws InterruptedException {
        Mqtt5Publish publish = publishes
                .receive(Durability.WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .orElseThrow(() -> new AssertionError("waited " + Durability.WAIT + " for " + what + "; broker log "
                        + broker.log() + ", data " + data));
        return MessageId.parse(publish.getPayloadAsBytes());
    }

    private static List<MessageId> numbered(String topic) {
        return LongStream.range(0, N).mapToObj(i -> new MessageId(topic, i)).toList();
    }

    private static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }
}
