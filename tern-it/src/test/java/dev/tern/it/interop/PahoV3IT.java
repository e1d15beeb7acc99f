package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.next;
import static dev.tern.it.interop.Interop.pahoUri;
import static dev.tern.it.interop.Interop.text;
import static dev.tern.it.interop.Interop.unique;
import static dev.tern.it.interop.Interop.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testkit.EmbeddedBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Eclipse Paho Java v3 (the classic MqttClient, MQTT 3.1.1 and 3.1) against one broker. */
class PahoV3IT {
    private static EmbeddedBroker broker;
    private final List<MqttClient> opened = new ArrayList<>();

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
    void closeClients() {
        for (MqttClient client : opened) {
            try {
                if (client.isConnected()) {
                    client.disconnect(0);
                }
                client.close();
            } catch (MqttException e) {
                // already gone: nothing to clean up
            }
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void aSubscriberReceivesWhatAPublisherSendsAtTheSameQos(int qos) throws Exception {
        String topic = unique("paho3-qos" + qos) + "/t";
        Received received = new Received();
        MqttClient subscriber = connect(unique("paho3-sub"), options(), received);
        subscriber.subscribe(topic, qos);
        MqttClient publisher = connect(unique("paho3-pub"), options(), null);

        publisher.publish(topic, utf8("paho " + qos), qos, false);

        Message message = next(received.messages, "the message");
        assertThat(message.topic()).isEqualTo(topic);
        assertThat(text(message.message().getPayload())).isEqualTo("paho " + qos);
        assertThat(message.message().getQos()).isEqualTo(qos);
    }

    @Test
    void anMqtt31ClientExchangesMessagesWithAnMqtt311Client() throws Exception {
        String topic = unique("paho31") + "/t";
        MqttConnectOptions v31 = options();
        v31.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        Received received = new Received();
        MqttClient subscriber = connect(unique("paho31-sub"), v31, received);
        subscriber.subscribe(topic, 1);
        MqttClient publisher = connect(unique("paho311-pub"), options(), null);

        publisher.publish(topic, utf8("to 3.1"), 1, false);

        assertThat(text(next(received.messages, "the message").message().getPayload()))
                .isEqualTo("to 3.1");
    }

    @Test
    void qos1MessagesAreQueuedForAPersistentSessionWhileItsClientIsOfflineAndDeliveredInOrder() throws Exception {
        String topic = unique("paho3-offline") + "/t";
        MqttConnectOptions persistent = options();
        persistent.setCleanSession(false);
        Received received = new Received();
        MqttClient subscriber = client(unique("paho3-offline"), received);
        assertThat(subscriber.connectWithResult(persistent).getSessionPresent()).isFalse();
        subscriber.subscribe(topic, 1);
        subscriber.disconnect();

        MqttClient publisher = connect(unique("paho3-pub"), options(), null);
        for (int i = 0; i < 5; i++) {
            publisher.publish(topic, utf8("m" + i), 1, false);
        }

        assertThat(subscriber.connectWithResult(persistent).getSessionPresent()).isTrue();
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            payloads.add(text(
                    next(received.messages, "queued message " + i).message().getPayload()));
        }
        assertThat(payloads).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void qos1MessagesASubscriberNeverAcknowledgedComeAgainMarkedDuplicateWhenItReconnects() throws Exception {
        String clientId = unique("paho3-unacked");
        String topic = unique("paho3-unacked") + "/t";
        MqttConnectOptions persistent = options();
        persistent.setCleanSession(false);
        Received first = new Received();
        MqttClient forgetful = client(clientId, first);
        forgetful.setManualAcks(true); // messageArrived without messageArrivedComplete: no PUBACK goes out
        forgetful.connect(persistent);
        forgetful.subscribe(topic, 1);
        MqttClient publisher = connect(unique("paho3-pub"), options(), null);
        for (int i = 0; i < 3; i++) {
            publisher.publish(topic, utf8("m" + i), 1, false);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(next(first.messages, "first delivery " + i).message().isDuplicate())
                    .isFalse();
        }
        forgetful.disconnectForcibly(0, 1000, false);

        Received again = new Received();
        MqttClient resumed = client(clientId, again);
        assertThat(resumed.connectWithResult(persistent).getSessionPresent()).isTrue();
        List<String> redelivered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Message message = next(again.messages, "redelivery " + i);
            assertThat(message.message().isDuplicate()).as("DUP on redelivery").isTrue();
            redelivered.add(text(message.message().getPayload()));
        }
        assertThat(redelivered).containsExactly("m0", "m1", "m2");
        publisher.publish(topic, utf8("new"), 1, false);
        Message fresh = next(again.messages, "a new message");
        assertThat(text(fresh.message().getPayload())).isEqualTo("new");
        assertThat(fresh.message().isDuplicate()).isFalse();
    }

    @Test
    void theWillIsPublishedWhenTheClientDropsItsConnectionWithoutDisconnect() throws Exception {
        String willTopic = unique("paho3-will") + "/status";
        Received watcher = new Received();
        connect(unique("paho3-watcher"), options(), watcher).subscribe(willTopic, 1);
        MqttConnectOptions withWill = options();
        withWill.setWill(willTopic, utf8("offline"), 1, false);
        MqttClient owner = connect(unique("paho3-owner"), withWill, null);

        // The three-argument form closes the socket without sending DISCONNECT (the shorter forms send one).
        owner.disconnectForcibly(0, 1000, false);

        Message will = next(watcher.messages, "the will");
        assertThat(will.topic()).isEqualTo(willTopic);
        assertThat(text(will.message().getPayload())).isEqualTo("offline");
    }

    @Test
    void aRetainedMessageGoesToLaterSubscribersUntilAnEmptyRetainedMessageDeletesIt() throws Exception {
        String topic = unique("paho3-retained") + "/state";
        MqttClient publisher = connect(unique("paho3-pub"), options(), null);
        publisher.publish(topic, utf8("on"), 1, true);

        Received first = new Received();
        connect(unique("paho3-late"), options(), first).subscribe(topic, 1);
        Message retained = next(first.messages, "the retained message");
        assertThat(text(retained.message().getPayload())).isEqualTo("on");
        assertThat(retained.message().isRetained()).isTrue();

        publisher.publish(topic, new byte[0], 1, true);
        Received second = new Received();
        MqttClient later = connect(unique("paho3-later"), options(), second);
        later.subscribe(topic, 1);
        publisher.publish(topic, utf8("live"), 1, false);
        Message live = next(second.messages, "the live message");
        assertThat(text(live.message().getPayload()))
                .as("the first message after the retained one was deleted")
                .isEqualTo("live");
        assertThat(live.message().isRetained()).isFalse();
    }

    private MqttClient client(String clientId, Received received) throws MqttException {
        MqttClient client = new MqttClient(pahoUri(broker.port()), clientId, new MemoryPersistence());
        opened.add(client);
        if (received != null) {
            client.setCallback(received);
        }
        return client;
    }

    private MqttClient connect(String clientId, MqttConnectOptions options, Received received) throws MqttException {
        MqttClient client = client(clientId, received);
        client.connect(options);
        return client;
    }

    private static MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        return options;
    }

    record Message(String topic, MqttMessage message) {}

    /** Collects what arrives, in order; Paho calls it on its callback thread. */
    static final class Received implements MqttCallback {
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

        @Override
        public void connectionLost(Throwable cause) {}

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            messages.add(new Message(topic, message));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
    }
}
