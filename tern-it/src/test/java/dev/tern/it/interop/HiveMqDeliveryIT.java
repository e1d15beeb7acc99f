package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.QUIET;
import static dev.tern.it.interop.Interop.WAIT;
import static dev.tern.it.interop.Interop.hiveMq3;
import static dev.tern.it.interop.Interop.hiveMq3Blocking;
import static dev.tern.it.interop.Interop.hiveMq5;
import static dev.tern.it.interop.Interop.hiveMq5Blocking;
import static dev.tern.it.interop.Interop.text;
import static dev.tern.it.interop.Interop.unique;
import static dev.tern.it.interop.Interop.utf8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient.Mqtt3Publishes;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.testkit.EmbeddedBroker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HiveMQ MQTT Client (3.1.1 and 5.0) against one broker: delivery at each QoS, QoS 2 across a reconnect, session
 * takeover, shared subscriptions. Every test uses its own client identifiers and topics, so they share the broker.
 */
class HiveMqDeliveryIT {
    private static EmbeddedBroker broker;
    private final HiveMqClients clients = new HiveMqClients(() -> broker.port());

    @BeforeAll
    static void startBroker() {
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

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void anMqtt5SubscriberReceivesWhatAnMqtt5PublisherSendsAtTheSameQos(int level) throws Exception {
        MqttQos qos = MqttQos.fromCode(level);
        String topic = unique("h5-qos" + level) + "/reading";
        Mqtt5BlockingClient subscriber = clients.connected5(unique("h5-sub"));
        Mqtt5BlockingClient publisher = clients.connected5(unique("h5-pub"));
        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter(topic).qos(qos).send();

            publisher
                    .publishWith()
                    .topic(topic)
                    .qos(qos)
                    .payload(utf8("hello " + level))
                    .send();

            Mqtt5Publish message = receive(received);
            assertThat(message.getTopic().toString()).isEqualTo(topic);
            assertThat(text(message.getPayloadAsBytes())).isEqualTo("hello " + level);
            assertThat(message.getQos()).isEqualTo(qos);
            assertThat(message.isRetain()).isFalse();
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void anMqtt311SubscriberReceivesWhatAnMqtt311PublisherSendsAtTheSameQos(int level) throws Exception {
        MqttQos qos = MqttQos.fromCode(level);
        String topic = unique("h3-qos" + level) + "/reading";
        Mqtt3BlockingClient subscriber = clients.connected3(unique("h3-sub"));
        Mqtt3BlockingClient publisher = clients.connected3(unique("h3-pub"));
        try (Mqtt3Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter(topic).qos(qos).send();

            publisher
                    .publishWith()
                    .topic(topic)
                    .qos(qos)
                    .payload(utf8("hello " + level))
                    .send();

            Mqtt3Publish message = receive(received);
            assertThat(message.getTopic().toString()).isEqualTo(topic);
            assertThat(text(message.getPayloadAsBytes())).isEqualTo("hello " + level);
            assertThat(message.getQos()).isEqualTo(qos);
        }
    }

    @Test
    void aQos2MessageFromAnMqtt311PublisherReachesAnMqtt5SubscriberDowngradedToItsSubscriptionQos() throws Exception {
        String topic = unique("mixed") + "/t";
        Mqtt5BlockingClient exact = clients.connected5(unique("h5-exact"));
        Mqtt5BlockingClient once = clients.connected5(unique("h5-once"));
        Mqtt3BlockingClient publisher = clients.connected3(unique("h3-pub"));
        try (Mqtt5Publishes toExact = exact.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5Publishes toOnce = once.publishes(MqttGlobalPublishFilter.ALL)) {
            exact.subscribeWith().topicFilter(topic).qos(MqttQos.EXACTLY_ONCE).send();
            once.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();

            publisher
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.EXACTLY_ONCE)
                    .payload(utf8("across versions"))
                    .send();

            assertThat(receive(toExact).getQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
            Mqtt5Publish downgraded = receive(toOnce);
            assertThat(downgraded.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
            assertThat(text(downgraded.getPayloadAsBytes())).isEqualTo("across versions");
        }
    }

    @Test
    void qos2MessagesPublishedWhileAnMqtt5SubscriberIsOfflineArriveExactlyOnceAndInOrderWhenItReconnects()
            throws Exception {
        String clientId = unique("h5-offline");
        String topic = unique("h5-offline") + "/events";
        Mqtt5BlockingClient subscriber = clients.add5(hiveMq5Blocking(broker.port(), clientId));
        subscriber.connectWith().cleanStart(true).sessionExpiryInterval(60).send();
        subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.EXACTLY_ONCE).send();
        subscriber.disconnect();

        Mqtt5BlockingClient publisher = clients.connected5(unique("h5-pub"));
        for (int i = 0; i < 10; i++) {
            publisher
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.EXACTLY_ONCE)
                    .payload(utf8("m" + i))
                    .send();
        }

        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            boolean sessionPresent = subscriber
                    .connectWith()
                    .cleanStart(false)
                    .sessionExpiryInterval(60)
                    .send()
                    .isSessionPresent();
            assertThat(sessionPresent).isTrue();
            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Mqtt5Publish message = receive(received);
                assertThat(message.getQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
                payloads.add(text(message.getPayloadAsBytes()));
            }
            assertThat(payloads).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
            assertThat(received.receive(QUIET.toMillis(), MILLISECONDS))
                    .as("a duplicate")
                    .isEmpty();
        }
    }

    @Test
    void qos2MessagesPublishedWhileAnMqtt311SubscriberIsOfflineArriveExactlyOnceAndInOrderWhenItReconnects()
            throws Exception {
        String clientId = unique("h3-offline");
        String topic = unique("h3-offline") + "/events";
        Mqtt3BlockingClient subscriber = clients.add3(hiveMq3Blocking(broker.port(), clientId));
        subscriber.connectWith().cleanSession(true).send();
        subscriber.disconnect();
        assertThat(subscriber.connectWith().cleanSession(false).send().isSessionPresent())
                .as("a clean session leaves nothing behind")
                .isFalse();
        subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.EXACTLY_ONCE).send();
        subscriber.disconnect();

        Mqtt3BlockingClient publisher = clients.connected3(unique("h3-pub"));
        for (int i = 0; i < 5; i++) {
            publisher
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.EXACTLY_ONCE)
                    .payload(utf8("m" + i))
                    .send();
        }

        try (Mqtt3Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            assertThat(subscriber.connectWith().cleanSession(false).send().isSessionPresent())
                    .isTrue();
            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                payloads.add(text(receive(received).getPayloadAsBytes()));
            }
            assertThat(payloads).containsExactly("m0", "m1", "m2", "m3", "m4");
            assertThat(received.receive(QUIET.toMillis(), MILLISECONDS))
                    .as("a duplicate")
                    .isEmpty();
        }
    }

    @Test
    void aPersistentSubscriberThatKeepsReconnectingWhileQos1MessagesStreamInGetsEveryOne() throws Exception {
        String clientId = unique("h5-flaky");
        String topic = unique("h5-flaky") + "/stream";
        int messages = 120;
        Set<String> received = ConcurrentHashMap.newKeySet();
        Mqtt5BlockingClient subscriber = clients.add5(hiveMq5Blocking(broker.port(), clientId));
        subscriber
                .toAsync()
                .publishes(MqttGlobalPublishFilter.ALL, publish -> received.add(text(publish.getPayloadAsBytes())));
        subscriber.connectWith().cleanStart(true).sessionExpiryInterval(60).send();
        subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();

        Mqtt5AsyncClient publisher = clients.connected5(unique("h5-streamer")).toAsync();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            sent.add(publisher
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("m" + i))
                    .send());
            if (i % 20 == 10) {
                subscriber.disconnect();
                assertThat(subscriber
                                .connectWith()
                                .cleanStart(false)
                                .sessionExpiryInterval(60)
                                .send()
                                .isSessionPresent())
                        .isTrue();
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), MILLISECONDS);

        await().atMost(WAIT).until(() -> received.size() == messages);
    }

    @Test
    void anMqtt5ConnectionIsDisconnectedWithSessionTakenOverWhenItsClientIdConnectsAgain() throws Exception {
        String clientId = unique("h5-takeover");
        String topic = unique("h5-takeover") + "/t";
        CompletableFuture<MqttClientDisconnectedContext> firstGone = new CompletableFuture<>();
        Mqtt5BlockingClient first = clients.add5(hiveMq5(broker.port(), clientId)
                .addDisconnectedListener(firstGone::complete)
                .buildBlocking());
        first.connectWith().cleanStart(true).sessionExpiryInterval(60).send();
        first.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();

        Mqtt5BlockingClient second = clients.add5(hiveMq5Blocking(broker.port(), clientId));
        try (Mqtt5Publishes received = second.publishes(MqttGlobalPublishFilter.ALL)) {
            boolean sessionPresent = second.connectWith()
                    .cleanStart(false)
                    .sessionExpiryInterval(60)
                    .send()
                    .isSessionPresent();

            MqttClientDisconnectedContext gone = firstGone.get(WAIT.toMillis(), MILLISECONDS);
            assertThat(gone.getSource()).isEqualTo(MqttDisconnectSource.SERVER);
            assertThat(gone.getCause())
                    .isInstanceOfSatisfying(
                            Mqtt5DisconnectException.class,
                            e -> assertThat(e.getMqttMessage().getReasonCode())
                                    .isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER));
            // The new connection has the session, subscription included.
            assertThat(sessionPresent).isTrue();
            clients.connected5(unique("h5-pub"))
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("to the new owner"))
                    .send();
            assertThat(text(receive(received).getPayloadAsBytes())).isEqualTo("to the new owner");
        }
    }

    @Test
    void anMqtt311ConnectionIsClosedWhenItsClientIdConnectsAgain() throws Exception {
        String clientId = unique("h3-takeover");
        CompletableFuture<MqttClientDisconnectedContext> firstGone = new CompletableFuture<>();
        Mqtt3BlockingClient first = clients.add3(hiveMq3(broker.port(), clientId)
                .addDisconnectedListener(firstGone::complete)
                .buildBlocking());
        first.connect();

        Mqtt3BlockingClient second = clients.add3(hiveMq3Blocking(broker.port(), clientId));
        second.connect();

        MqttClientDisconnectedContext gone = firstGone.get(WAIT.toMillis(), MILLISECONDS);
        assertThat(gone.getSource()).isEqualTo(MqttDisconnectSource.SERVER);
        assertThat(gone.getCause()).isInstanceOf(ConnectionClosedException.class);
        assertThat(second.getState().isConnected()).isTrue();
    }

    @Test
    void aSharedSubscriptionSpreadsMessagesOverItsSubscribersEachMessageToExactlyOne() throws Exception {
        String topic = unique("shared") + "/jobs";
        int subscribers = 3;
        int messages = 30;
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        for (int s = 0; s < subscribers; s++) {
            Mqtt5BlockingClient subscriber = clients.connected5(unique("h5-worker"));
            String name = "worker" + s;
            subscriber
                    .toAsync()
                    .publishes(
                            MqttGlobalPublishFilter.ALL,
                            publish -> received.add(name + " " + text(publish.getPayloadAsBytes())));
            subscriber
                    .subscribeWith()
                    .topicFilter("$share/workers/" + topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
        }

        Mqtt5BlockingClient publisher = clients.connected5(unique("h5-pub"));
        for (int i = 0; i < messages; i++) {
            publisher
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("job" + i))
                    .send();
        }

        await().atMost(WAIT).until(() -> received.size() >= messages);
        // A bounded look for copies beyond the one per message.
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> received.size() == messages);
        Set<String> jobs = new HashSet<>();
        int[] perWorker = new int[subscribers];
        for (String entry : received) {
            String[] parts = entry.split(" ");
            jobs.add(parts[1]);
            perWorker[Integer.parseInt(parts[0].substring("worker".length()))]++;
        }
        assertThat(jobs).as("every job once").hasSize(messages);
        assertThat(perWorker).as("messages per subscriber").doesNotContain(0);
    }

    @Test
    void aSharedGroupSendsEveryMessageToItsConnectedMemberWhileTheOtherMemberIsOffline() throws Exception {
        String topic = unique("shared-offline") + "/jobs";
        String filter = "$share/workers/" + topic;
        Mqtt5BlockingClient online = clients.connected5(unique("h5-online-worker"));
        Mqtt5BlockingClient offline = clients.add5(hiveMq5Blocking(broker.port(), unique("h5-offline-worker")));
        offline.connectWith().sessionExpiryInterval(60).send();
        offline.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
        offline.disconnect();
        try (Mqtt5Publishes toOnline = online.publishes(MqttGlobalPublishFilter.ALL)) {
            online.subscribeWith()
                    .topicFilter(filter)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            Mqtt5BlockingClient publisher = clients.connected5(unique("h5-pub"));
            for (int i = 0; i < 6; i++) {
                publisher
                        .publishWith()
                        .topic(topic)
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .payload(utf8("job" + i))
                        .send();
            }

            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                jobs.add(text(receive(toOnline).getPayloadAsBytes()));
            }
            assertThat(jobs).containsExactly("job0", "job1", "job2", "job3", "job4", "job5");
        }
        try (Mqtt5Publishes toOffline = offline.publishes(MqttGlobalPublishFilter.ALL)) {
            assertThat(offline.connectWith()
                            .cleanStart(false)
                            .sessionExpiryInterval(60)
                            .send()
                            .isSessionPresent())
                    .isTrue();
            assertThat(toOffline.receive(QUIET.toMillis(), MILLISECONDS))
                    .as("a job queued for the member that was offline")
                    .isEmpty();
        }
    }

    @Test
    void anMqtt5ClientWithoutAnIdentifierIsAssignedOneAndCanUseIt() throws Exception {
        Mqtt5BlockingClient anonymous = clients.add5(MqttClient.builder()
                .useMqttVersion5()
                .serverHost(Interop.HOST)
                .serverPort(broker.port())
                .buildBlocking());
        Mqtt5ConnAck ack = anonymous.connect();

        assertThat(ack.getAssignedClientIdentifier()).isPresent();
        String assigned = ack.getAssignedClientIdentifier().orElseThrow().toString();
        assertThat(assigned).isNotEmpty();
        assertThat(anonymous.getConfig().getClientIdentifier().map(Object::toString))
                .contains(assigned);
        String topic = unique("assigned") + "/t";
        try (Mqtt5Publishes received = anonymous.publishes(MqttGlobalPublishFilter.ALL)) {
            anonymous.subscribeWith().topicFilter(topic).send();
            anonymous.publishWith().topic(topic).payload(utf8("to myself")).send();
            assertThat(text(receive(received).getPayloadAsBytes())).isEqualTo("to myself");
        }
    }

    @Test
    void aLargePayloadArrivesIntact() throws Exception {
        String topic = unique("large") + "/blob";
        byte[] blob = new byte[512 * 1024];
        new Random(42).nextBytes(blob);
        Mqtt5BlockingClient subscriber = clients.connected5(unique("h5-large-sub"));
        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber
                    .subscribeWith()
                    .topicFilter(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            clients.connected3(unique("h3-large-pub"))
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(blob)
                    .send();

            assertThat(receive(received).getPayloadAsBytes()).isEqualTo(blob);
        }
    }

    @Test
    void aCleanStartDiscardsWhatWasQueuedForThePreviousSession() throws Exception {
        String clientId = unique("h5-clean");
        String topic = unique("h5-clean") + "/t";
        Mqtt5BlockingClient subscriber = clients.add5(hiveMq5Blocking(broker.port(), clientId));
        subscriber.connectWith().sessionExpiryInterval(60).send();
        subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.disconnect();
        Mqtt5BlockingClient publisher = clients.connected5(unique("h5-pub"));
        publisher
                .publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("stale"))
                .send();

        assertThat(subscriber.connectWith().cleanStart(true).send().isSessionPresent())
                .isFalse();
        // Opened after the CONNACK: the HiveMQ client ends streams opened before it with "session expired".
        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber
                    .subscribeWith()
                    .topicFilter(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            publisher
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("fresh"))
                    .send();
            assertThat(text(receive(received).getPayloadAsBytes())).isEqualTo("fresh");
        }
    }

    @Test
    void settingTheSessionExpiryToZeroOnDisconnectEndsTheSessionAtOnce() throws Exception {
        String clientId = unique("h5-end");
        Mqtt5BlockingClient client = clients.add5(hiveMq5Blocking(broker.port(), clientId));
        client.connectWith().sessionExpiryInterval(300).send();
        client.subscribeWith().topicFilter(unique("h5-end") + "/t").send();

        client.disconnectWith().sessionExpiryInterval(0).send();

        assertThat(client.connectWith().cleanStart(false).send().isSessionPresent())
                .isFalse();
    }

    private static Mqtt5Publish receive(Mqtt5Publishes publishes) throws InterruptedException {
        return publishes
                .receive(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .orElseThrow(() -> new AssertionError("no message within " + WAIT));
    }

    private static Mqtt3Publish receive(Mqtt3Publishes publishes) throws InterruptedException {
        return publishes
                .receive(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .orElseThrow(() -> new AssertionError("no message within " + WAIT));
    }
}
