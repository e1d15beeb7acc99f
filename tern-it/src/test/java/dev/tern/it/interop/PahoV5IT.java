package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.WAIT;
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
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Eclipse Paho Java v5 (org.eclipse.paho.mqttv5.client) against one broker. */
class PahoV5IT {
    private static EmbeddedBroker broker;
    private final List<AutoCloseable> opened = new ArrayList<>();

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
        for (AutoCloseable client : opened) {
            try {
                client.close();
            } catch (Exception e) {
                // already gone: nothing to clean up
            }
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void aSubscriberReceivesWhatAPublisherSendsAtTheSameQos(int qos) throws Exception {
        String topic = unique("paho5-qos" + qos) + "/t";
        Received received = new Received();
        MqttClient subscriber = connect(unique("paho5-sub"), options(), received);
        subscriber.subscribe(topic, qos);
        MqttClient publisher = connect(unique("paho5-pub"), options(), null);

        publisher.publish(topic, utf8("paho5 " + qos), qos, false);

        Message message = next(received.messages, "the message");
        assertThat(message.topic()).isEqualTo(topic);
        assertThat(text(message.message().getPayload())).isEqualTo("paho5 " + qos);
        assertThat(message.message().getQos()).isEqualTo(qos);
    }

    @Test
    void qos1MessagesAreQueuedForAnOfflineSessionWithAnExpiryAndDeliveredInOrderOnReconnect() throws Exception {
        String topic = unique("paho5-offline") + "/t";
        MqttConnectionOptions persistent = options();
        persistent.setCleanStart(false);
        persistent.setSessionExpiryInterval(60L);
        Received received = new Received();
        MqttClient subscriber = client(unique("paho5-offline"), received);
        assertThat(subscriber.connectWithResult(persistent).getSessionPresent()).isFalse();
        subscriber.subscribe(topic, 1);
        subscriber.disconnect();

        MqttClient publisher = connect(unique("paho5-pub"), options(), null);
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
    void theWillIsPublishedWhenTheClientDropsItsConnectionWithoutDisconnect() throws Exception {
        String willTopic = unique("paho5-will") + "/status";
        Received watcher = new Received();
        connect(unique("paho5-watcher"), options(), watcher).subscribe(willTopic, 1);
        MqttConnectionOptions withWill = options();
        MqttMessage will = new MqttMessage(utf8("offline"));
        will.setQos(1);
        withWill.setWill(willTopic, will);
        MqttClient owner = connect(unique("paho5-owner"), withWill, null);

        // The three-argument form closes the socket without sending DISCONNECT (the shorter forms send one).
        owner.disconnectForcibly(0, 1000, false);

        Message received = next(watcher.messages, "the will");
        assertThat(received.topic()).isEqualTo(willTopic);
        assertThat(text(received.message().getPayload())).isEqualTo("offline");
    }

    @Test
    void aRetainedMessageIsDeliveredWithTheRetainFlagToALaterSubscriber() throws Exception {
        String topic = unique("paho5-retained") + "/state";
        MqttClient publisher = connect(unique("paho5-pub"), options(), null);
        publisher.publish(topic, utf8("42"), 1, true);

        Received received = new Received();
        connect(unique("paho5-late"), options(), received).subscribe(topic, 1);

        Message retained = next(received.messages, "the retained message");
        assertThat(text(retained.message().getPayload())).isEqualTo("42");
        assertThat(retained.message().isRetained()).isTrue();
    }

    @Test
    void userPropertiesAndTheOtherPublishPropertiesReachTheSubscriberInOrder() throws Exception {
        String topic = unique("paho5-props") + "/t";
        Received received = new Received();
        connect(unique("paho5-sub"), options(), received).subscribe(topic, 1);
        MqttClient publisher = connect(unique("paho5-pub"), options(), null);

        MqttProperties properties = new MqttProperties();
        properties.setUserProperties(List.of(
                new UserProperty("unit", "celsius"), new UserProperty("sensor", "a"), new UserProperty("sensor", "b")));
        properties.setContentType("text/plain");
        properties.setResponseTopic(topic + "/reply");
        properties.setCorrelationData(utf8("c-1"));
        MqttMessage message = new MqttMessage(utf8("21.5"), 1, false, properties);
        publisher.publish(topic, message);

        MqttProperties arrived =
                next(received.messages, "the message").message().getProperties();
        assertThat(arrived.getUserProperties())
                .extracting(p -> p.getKey() + "=" + p.getValue())
                .containsExactly("unit=celsius", "sensor=a", "sensor=b");
        assertThat(arrived.getContentType()).isEqualTo("text/plain");
        assertThat(arrived.getResponseTopic()).isEqualTo(topic + "/reply");
        assertThat(text(arrived.getCorrelationData())).isEqualTo("c-1");
    }

    @Test
    void aMessageCarriesTheIdentifiersOfEverySubscriptionItMatches() throws Exception {
        String base = unique("paho5-subid");
        MemoryPersistence persistence = new MemoryPersistence();
        MqttAsyncClient subscriber = new MqttAsyncClient(pahoUri(broker.port()), unique("paho5-subid"), persistence);
        opened.add(() -> {
            if (subscriber.isConnected()) {
                subscriber.disconnect().waitForCompletion(WAIT.toMillis());
            }
            subscriber.close();
        });
        Received received = new Received();
        subscriber.setCallback(received);
        subscriber.connect(options()).waitForCompletion(WAIT.toMillis());
        subscribeWithIdentifier(subscriber, base + "/+", 7);
        subscribeWithIdentifier(subscriber, base + "/#", 9);
        subscribeWithIdentifier(subscriber, base + "/other", 11);

        connect(unique("paho5-pub"), options(), null).publish(base + "/x", utf8("both"), 1, false);

        Message message = next(received.messages, "the message");
        assertThat(message.message().getProperties().getSubscriptionIdentifiers())
                .as("one copy, with the identifiers of both matching subscriptions")
                .containsExactlyInAnyOrder(7, 9);

        // A retained message sent for a new subscription carries that subscription's identifier.
        connect(unique("paho5-pub"), options(), null).publish(base + "/kept/state", utf8("retained"), 1, true);
        Message live = next(received.messages, "the live copy, through " + base + "/#");
        assertThat(live.message().getProperties().getSubscriptionIdentifiers()).containsExactly(9);
        subscribeWithIdentifier(subscriber, base + "/kept/+", 13);
        Message retained = next(received.messages, "the retained message");
        assertThat(retained.message().isRetained()).isTrue();
        assertThat(retained.message().getProperties().getSubscriptionIdentifiers())
                .containsExactly(13);
    }

    @Test
    void pahoPublishesWithTopicAliasesOfItsOwnAndTheSubscriberGetsEveryMessageUnderItsTopic() throws Exception {
        String base = unique("paho5-alias");
        Received received = new Received();
        connect(unique("paho5-alias-sub"), options(), received).subscribe(base + "/#", 1);
        try (WireTap publisherWire = WireTap.to(broker.port())) {
            MqttClient publisher = client("tcp://127.0.0.1:" + publisherWire.port(), unique("paho5-alias-pub"), null);
            publisher.connect(options());

            List<String> expected = publishRounds(publisher, base);

            assertThat(arrivals(received, expected.size())).containsExactlyElementsOf(expected);
            assertThat(WireTap.occurrences(publisherWire.clientToBroker(), utf8(base + "/a-long-leaf-name")))
                    .as("the topic in Paho's PUBLISHes: once, then its alias")
                    .isEqualTo(1);
        }
    }

    @Test
    void aPahoSubscriberAllowingTopicAliasesGetsFullTopicsFromABrokerWithOutboundAliasesOff() throws Exception {
        // Paho 1.2.5 advertises a Topic Alias Maximum when asked to but does not resolve the aliases a server
        // assigns (its messages arrive with an empty topic: eclipse-paho/paho.mqtt.java#866). Mosquitto never
        // assigns any; mqtt.outbound_topic_aliases=false makes Tern behave the same for such clients.
        try (EmbeddedBroker noAliases =
                EmbeddedBroker.start(Map.of("sys.interval", "0", "mqtt.outbound_topic_aliases", "false"))) {
            String base = unique("paho5-no-alias");
            MqttConnectionOptions allowingAliases = options();
            allowingAliases.setTopicAliasMaximum(2);
            Received received = new Received();
            MqttClient subscriber = client(pahoUri(noAliases.port()), unique("paho5-alias-sub"), received);
            subscriber.connect(allowingAliases);
            subscriber.subscribe(base + "/#", 1);
            MqttClient publisher = client(pahoUri(noAliases.port()), unique("paho5-alias-pub"), null);
            publisher.connect(options());

            List<String> expected = publishRounds(publisher, base);

            assertThat(arrivals(received, expected.size())).containsExactlyElementsOf(expected);
        }
    }

    /** Three rounds over three topics; returns "topic payload" for each message, in order. */
    private static List<String> publishRounds(MqttClient publisher, String base) throws MqttException {
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String leaf : List.of("a-long-leaf-name", "b-long-leaf-name", "c-long-leaf-name")) {
                String topic = base + "/" + leaf;
                publisher.publish(topic, utf8(leaf + round), 1, false);
                expected.add(topic + " " + leaf + round);
            }
        }
        return expected;
    }

    private static List<String> arrivals(Received received, int count) {
        List<String> arrived = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = next(received.messages, "message " + i);
            arrived.add(message.topic() + " " + text(message.message().getPayload()));
        }
        return arrived;
    }

    private static void subscribeWithIdentifier(MqttAsyncClient client, String filter, int identifier)
            throws MqttException {
        MqttProperties properties = new MqttProperties();
        properties.setSubscriptionIdentifier(identifier);
        IMqttToken token =
                client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, null, null, properties);
        token.waitForCompletion(WAIT.toMillis());
        assertThat(token.getReasonCodes()).containsExactly(1);
    }

    private MqttClient client(String clientId, Received received) throws MqttException {
        return client(pahoUri(broker.port()), clientId, received);
    }

    private MqttClient client(String serverUri, String clientId, Received received) throws MqttException {
        MqttClient client = new MqttClient(serverUri, clientId, new MemoryPersistence());
        opened.add(() -> {
            if (client.isConnected()) {
                client.disconnect(0);
            }
            client.close();
        });
        if (received != null) {
            client.setCallback(received);
        }
        return client;
    }

    private MqttClient connect(String clientId, MqttConnectionOptions options, Received received) throws MqttException {
        MqttClient client = client(clientId, received);
        client.connect(options);
        return client;
    }

    private static MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        return options;
    }

    record Message(String topic, MqttMessage message) {}

    /** Collects what arrives, in order; Paho calls it on its callback thread. */
    static final class Received implements MqttCallback {
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            messages.add(new Message(topic, message));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
