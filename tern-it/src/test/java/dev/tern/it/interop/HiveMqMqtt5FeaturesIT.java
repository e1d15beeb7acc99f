package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.QUIET;
import static dev.tern.it.interop.Interop.WAIT;
import static dev.tern.it.interop.Interop.hiveMq5Blocking;
import static dev.tern.it.interop.Interop.text;
import static dev.tern.it.interop.Interop.unique;
import static dev.tern.it.interop.Interop.utf8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientConnectionConfig;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import dev.tern.testkit.EmbeddedBroker;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MQTT 5 features end to end with the HiveMQ MQTT Client: topic aliases both ways, message expiry, retain handling and
 * retain as published, no local, request/response properties, Receive Maximum and Maximum Packet Size towards the
 * client, the UTF-8 payload check, overlapping subscriptions. Where a test must show that something did not arrive, it
 * publishes a marker after it: the marker arriving first proves the absence without waiting out a timeout.
 */
class HiveMqMqtt5FeaturesIT {
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

    @Test
    void topicAliasesCarryALongTopicOnceEachWayAndEveryMessageArrivesUnderItsTopic() throws Exception {
        String topic = unique("alias") + "/" + "long-topic-segment-".repeat(8) + "end";
        byte[] topicBytes = utf8(topic);
        try (WireTap publisherWire = WireTap.to(broker.port());
                WireTap subscriberWire = WireTap.to(broker.port())) {
            Mqtt5BlockingClient subscriber = clients.add5(hiveMq5Blocking(subscriberWire.port(), unique("alias-sub")));
            subscriber
                    .connectWith()
                    .restrictions()
                    .topicAliasMaximum(8)
                    .applyRestrictions()
                    .send();
            Mqtt5BlockingClient publisher = clients.add5(hiveMq5Blocking(publisherWire.port(), unique("alias-pub")));
            publisher.connect();
            Mqtt5ClientConnectionConfig publisherConnection =
                    publisher.getConfig().getConnectionConfig().orElseThrow();
            assertThat(publisherConnection.getRestrictionsForClient().getSendTopicAliasMaximum())
                    .as("aliases the publisher may send: its own maximum capped by the broker's")
                    .isPositive();

            try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
                subscriber
                        .subscribeWith()
                        .topicFilter(topic)
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .send();
                for (int i = 0; i < 5; i++) {
                    publisher
                            .publishWith()
                            .topic(topic)
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .payload(utf8("aliased " + i))
                            .send();
                }

                for (int i = 0; i < 5; i++) {
                    Mqtt5Publish message = receive(received);
                    assertThat(message.getTopic().toString()).isEqualTo(topic);
                    assertThat(text(message.getPayloadAsBytes())).isEqualTo("aliased " + i);
                }
            }
            // Five PUBLISHes each way, the topic spelled out only in the first: the rest used the alias.
            assertThat(WireTap.occurrences(publisherWire.clientToBroker(), topicBytes))
                    .as("the topic in the publisher's PUBLISHes (inbound aliases)")
                    .isEqualTo(1);
            assertThat(WireTap.occurrences(subscriberWire.brokerToClient(), topicBytes))
                    .as("the topic in the broker's PUBLISHes to the subscriber (outbound aliases)")
                    .isEqualTo(1);
        }
    }

    @Test
    void aQueuedMessageIsDroppedOnceItsExpiryPassesAndAnotherArrivesWithItsExpiryCountedDown() throws Exception {
        String clientId = unique("expiry-sub");
        String topic = unique("expiry") + "/t";
        Mqtt5BlockingClient subscriber = clients.add5(hiveMq5Blocking(broker.port(), clientId));
        subscriber.connectWith().cleanStart(true).sessionExpiryInterval(60).send();
        subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.disconnect();

        Mqtt5BlockingClient publisher = clients.connected5(unique("expiry-pub"));
        long publishedAt = System.nanoTime();
        publish(publisher, topic, "short-lived", 1);
        publish(publisher, topic, "long-lived", 60);
        publisher
                .publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("forever"))
                .send();
        // Expiry is the one behaviour that needs time to pass: wait until the 1 s interval has run out.
        await().atMost(WAIT)
                .until(() -> System.nanoTime() - publishedAt
                        > Duration.ofMillis(1300).toNanos());

        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            assertThat(subscriber
                            .connectWith()
                            .cleanStart(false)
                            .sessionExpiryInterval(60)
                            .send()
                            .isSessionPresent())
                    .isTrue();

            Mqtt5Publish first = receive(received);
            assertThat(text(first.getPayloadAsBytes())).isEqualTo("long-lived");
            assertThat(first.getMessageExpiryInterval()).isPresent();
            assertThat(first.getMessageExpiryInterval().getAsLong())
                    .as("remaining expiry, counted down")
                    .isBetween(30L, 59L);
            Mqtt5Publish second = receive(received);
            assertThat(text(second.getPayloadAsBytes())).isEqualTo("forever");
            assertThat(second.getMessageExpiryInterval()).isEmpty();
        }
    }

    @Test
    void anExpiredRetainedMessageIsNotSentToANewSubscriber() throws Exception {
        String base = unique("retained-expiry");
        Mqtt5BlockingClient publisher = clients.connected5(unique("retained-expiry-pub"));
        long publishedAt = System.nanoTime();
        publisher
                .publishWith()
                .topic(base + "/a-short")
                .retain(true)
                .qos(MqttQos.AT_LEAST_ONCE)
                .messageExpiryInterval(1)
                .payload(utf8("short"))
                .send();
        publisher
                .publishWith()
                .topic(base + "/b-long")
                .retain(true)
                .qos(MqttQos.AT_LEAST_ONCE)
                .messageExpiryInterval(60)
                .payload(utf8("long"))
                .send();
        await().atMost(WAIT)
                .until(() -> System.nanoTime() - publishedAt
                        > Duration.ofMillis(1300).toNanos());

        Mqtt5BlockingClient subscriber = clients.connected5(unique("retained-expiry-sub"));
        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber
                    .subscribeWith()
                    .topicFilter(base + "/#")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            publish(publisher, base + "/marker", "marker", 0);

            Mqtt5Publish retained = receive(received);
            assertThat(text(retained.getPayloadAsBytes())).isEqualTo("long");
            assertThat(retained.isRetain()).isTrue();
            assertThat(retained.getMessageExpiryInterval()).isPresent();
            assertThat(retained.getMessageExpiryInterval().getAsLong()).isBetween(30L, 59L);
            assertThat(text(receive(received).getPayloadAsBytes())).isEqualTo("marker");
        }
    }

    @Test
    void retainHandlingSendsRetainedMessagesAlwaysOnlyForNewSubscriptionsOrNever() throws Exception {
        String topic = unique("retain-handling") + "/state";
        Mqtt5BlockingClient publisher = clients.connected5(unique("rh-pub"));
        publisher
                .publishWith()
                .topic(topic)
                .retain(true)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("retained"))
                .send();
        Mqtt5BlockingClient subscriber = clients.connected5(unique("rh-sub"));
        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            // 0: on every subscribe, repeated ones included.
            subscribe(subscriber, topic, Mqtt5RetainHandling.SEND);
            assertRetained(receive(received));
            subscribe(subscriber, topic, Mqtt5RetainHandling.SEND);
            assertRetained(receive(received));
            subscriber.unsubscribeWith().topicFilter(topic).send();

            // 1: only when the subscription is new.
            subscribe(subscriber, topic, Mqtt5RetainHandling.SEND_IF_SUBSCRIPTION_DOES_NOT_EXIST);
            assertRetained(receive(received));
            subscribe(subscriber, topic, Mqtt5RetainHandling.SEND_IF_SUBSCRIPTION_DOES_NOT_EXIST);
            publish(publisher, topic, "marker 1", 0);
            assertThat(text(receive(received).getPayloadAsBytes())).isEqualTo("marker 1");
            subscriber.unsubscribeWith().topicFilter(topic).send();

            // 2: never.
            subscribe(subscriber, topic, Mqtt5RetainHandling.DO_NOT_SEND);
            publish(publisher, topic, "marker 2", 0);
            Mqtt5Publish marker = receive(received);
            assertThat(text(marker.getPayloadAsBytes())).isEqualTo("marker 2");
            assertThat(marker.isRetain()).isFalse();
        }
    }

    @Test
    void retainAsPublishedKeepsTheRetainFlagOnLiveMessagesAndOtherSubscriptionsSeeItCleared() throws Exception {
        String topic = unique("rap") + "/state";
        Mqtt5BlockingClient keeping = clients.connected5(unique("rap-keep"));
        Mqtt5BlockingClient clearing = clients.connected5(unique("rap-clear"));
        try (Mqtt5Publishes toKeeping = keeping.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5Publishes toClearing = clearing.publishes(MqttGlobalPublishFilter.ALL)) {
            keeping.subscribeWith()
                    .topicFilter(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retainAsPublished(true)
                    .send();
            clearing.subscribeWith()
                    .topicFilter(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();

            clients.connected5(unique("rap-pub"))
                    .publishWith()
                    .topic(topic)
                    .retain(true)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("live and retained"))
                    .send();

            assertThat(receive(toKeeping).isRetain()).isTrue();
            assertThat(receive(toClearing).isRetain()).isFalse();
        }
    }

    @Test
    void noLocalKeepsAClientsOwnMessagesFromItWhileOthersReceiveThem() throws Exception {
        String topic = unique("no-local") + "/chat";
        Mqtt5BlockingClient talker = clients.connected5(unique("no-local-talker"));
        Mqtt5BlockingClient listener = clients.connected5(unique("no-local-listener"));
        try (Mqtt5Publishes toTalker = talker.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5Publishes toListener = listener.publishes(MqttGlobalPublishFilter.ALL)) {
            talker.subscribeWith()
                    .topicFilter(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .noLocal(true)
                    .send();
            listener.subscribeWith()
                    .topicFilter(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();

            publish(talker, topic, "my own words", 0);
            publish(listener, topic, "a reply", 0);

            assertThat(text(receive(toListener).getPayloadAsBytes())).isEqualTo("my own words");
            assertThat(text(receive(toTalker).getPayloadAsBytes()))
                    .as("the first message the no-local subscriber gets")
                    .isEqualTo("a reply");
        }
    }

    @Test
    void requestResponsePropertiesReachTheResponderUnalteredAndTheCorrelationDataComesBack() throws Exception {
        String requests = unique("rr") + "/requests";
        String replies = unique("rr") + "/replies";
        Mqtt5BlockingClient requester = clients.connected5(unique("rr-requester"));
        Mqtt5BlockingClient responder = clients.connected5(unique("rr-responder"));
        try (Mqtt5Publishes toRequester = requester.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5Publishes toResponder = responder.publishes(MqttGlobalPublishFilter.ALL)) {
            requester
                    .subscribeWith()
                    .topicFilter(replies)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            responder
                    .subscribeWith()
                    .topicFilter(requests)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();

            requester
                    .publishWith()
                    .topic(requests)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("{\"op\":\"add\",\"args\":[2,3]}"))
                    .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                    .contentType("application/json")
                    .responseTopic(replies)
                    .correlationData(utf8("request-42"))
                    .userProperties()
                    .add("trace", "first")
                    .add("trace", "second")
                    .add("tenant", "acme")
                    .applyUserProperties()
                    .send();

            Mqtt5Publish request = receive(toResponder);
            assertThat(request.getPayloadFormatIndicator()).contains(Mqtt5PayloadFormatIndicator.UTF_8);
            assertThat(request.getContentType().map(Object::toString)).contains("application/json");
            assertThat(request.getResponseTopic().map(Object::toString)).contains(replies);
            assertThat(request.getCorrelationData().map(HiveMqMqtt5FeaturesIT::bytes))
                    .hasValueSatisfying(data -> assertThat(text(data)).isEqualTo("request-42"));
            assertThat(request.getUserProperties().asList().stream()
                            .map(HiveMqMqtt5FeaturesIT::pair)
                            .toList())
                    .as("user properties, in order, duplicates kept")
                    .containsExactly("trace=first", "trace=second", "tenant=acme");

            responder
                    .publishWith()
                    .topic(request.getResponseTopic().orElseThrow())
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .correlationData(request.getCorrelationData().orElseThrow())
                    .payload(utf8("5"))
                    .send();

            Mqtt5Publish reply = receive(toRequester);
            assertThat(text(reply.getPayloadAsBytes())).isEqualTo("5");
            assertThat(reply.getCorrelationData().map(HiveMqMqtt5FeaturesIT::bytes))
                    .hasValueSatisfying(data -> assertThat(text(data)).isEqualTo("request-42"));
        }
    }

    @Test
    void theBrokerNeverHasMoreUnacknowledgedMessagesOutToAClientThanItsReceiveMaximum() throws Exception {
        String topic = unique("receive-max") + "/t";
        Mqtt5BlockingClient subscriber = clients.add5(hiveMq5Blocking(broker.port(), unique("receive-max-sub")));
        subscriber
                .connectWith()
                .restrictions()
                .receiveMaximum(2)
                .applyRestrictions()
                .send();
        // Manual acknowledgement: the client holds each PUBACK until the test acknowledges the message. The HiveMQ
        // client would itself disconnect a server that sent more than 2 unacknowledged QoS 1 messages (0x93).
        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL, true)) {
            subscriber
                    .subscribeWith()
                    .topicFilter(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            Mqtt5BlockingClient publisher = clients.connected5(unique("receive-max-pub"));
            for (int i = 0; i < 10; i++) {
                publish(publisher, topic, "m" + i, 0);
            }

            Mqtt5Publish first = receive(received);
            Mqtt5Publish second = receive(received);
            assertThat(received.receive(QUIET.toMillis(), MILLISECONDS))
                    .as("a third message while two are unacknowledged")
                    .isEmpty();
            List<String> payloads =
                    new ArrayList<>(List.of(text(first.getPayloadAsBytes()), text(second.getPayloadAsBytes())));
            first.acknowledge();
            second.acknowledge();
            for (int i = 2; i < 10; i++) {
                Mqtt5Publish next = receive(received);
                payloads.add(text(next.getPayloadAsBytes()));
                next.acknowledge();
            }
            assertThat(payloads).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
            assertThat(subscriber.getState().isConnected()).isTrue();
        }
    }

    @Test
    void aMessageTooLargeForOneClientsMaximumPacketSizeIsDroppedForThatClientOnly() throws Exception {
        String topic = unique("max-packet") + "/t";
        Mqtt5BlockingClient small = clients.add5(hiveMq5Blocking(broker.port(), unique("max-packet-small")));
        small.connectWith()
                .restrictions()
                .maximumPacketSize(256)
                .applyRestrictions()
                .send();
        Mqtt5BlockingClient large = clients.connected5(unique("max-packet-large"));
        try (Mqtt5Publishes toSmall = small.publishes(MqttGlobalPublishFilter.ALL);
                Mqtt5Publishes toLarge = large.publishes(MqttGlobalPublishFilter.ALL)) {
            small.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
            large.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
            Mqtt5BlockingClient publisher = clients.connected5(unique("max-packet-pub"));
            publisher
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(new byte[1000])
                    .send();
            publish(publisher, topic, "small enough", 0);

            assertThat(receive(toLarge).getPayloadAsBytes()).hasSize(1000);
            assertThat(text(receive(toLarge).getPayloadAsBytes())).isEqualTo("small enough");
            assertThat(text(receive(toSmall).getPayloadAsBytes()))
                    .as("the first message the small client gets")
                    .isEqualTo("small enough");
            assertThat(small.getState().isConnected()).isTrue();
        }
    }

    @Test
    void aPayloadMarkedUtf8ThatIsNotIsRefusedWithPayloadFormatInvalidAndNotForwarded() throws Exception {
        String topic = unique("utf8") + "/t";
        Mqtt5BlockingClient subscriber = clients.connected5(unique("utf8-sub"));
        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber
                    .subscribeWith()
                    .topicFilter(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            Mqtt5BlockingClient publisher = clients.connected5(unique("utf8-pub"));

            Mqtt5PubAckReasonCode code = pubAckReasonCode(
                    publisher,
                    Mqtt5Publish.builder()
                            .topic(topic)
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                            .payload(new byte[] {'o', 'k', (byte) 0xC3, 0x28}) // 0xC3 0x28: not UTF-8
                            .build());
            assertThat(code).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);

            Mqtt5PubAckReasonCode valid = pubAckReasonCode(
                    publisher,
                    Mqtt5Publish.builder()
                            .topic(topic)
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                            .payload(utf8("gr\u00fc\u00dfe"))
                            .build());
            assertThat(valid).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(text(receive(received).getPayloadAsBytes())).isEqualTo("gr\u00fc\u00dfe");
            assertThat(publisher.getState().isConnected()).isTrue();
        }
    }

    @Test
    void overlappingSubscriptionsOfOneClientYieldOneCopyAtTheHighestGrantedQos() throws Exception {
        String base = unique("overlap");
        Mqtt5BlockingClient subscriber = clients.connected5(unique("overlap-sub"));
        try (Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber
                    .subscribeWith()
                    .addSubscription()
                    .topicFilter(base + "/+")
                    .qos(MqttQos.AT_MOST_ONCE)
                    .applySubscription()
                    .addSubscription()
                    .topicFilter(base + "/#")
                    .qos(MqttQos.EXACTLY_ONCE)
                    .applySubscription()
                    .send();
            Mqtt5BlockingClient publisher = clients.connected5(unique("overlap-pub"));
            publisher
                    .publishWith()
                    .topic(base + "/x")
                    .qos(MqttQos.EXACTLY_ONCE)
                    .payload(utf8("once"))
                    .send();
            publish(publisher, base + "/y/z", "marker", 0);

            Mqtt5Publish message = receive(received);
            assertThat(text(message.getPayloadAsBytes())).isEqualTo("once");
            assertThat(message.getQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
            assertThat(text(receive(received).getPayloadAsBytes()))
                    .as("the next message after the one copy")
                    .isEqualTo("marker");
        }
    }

    /** A QoS 1 publish with {@code expirySeconds} (0: none), acknowledged before this returns. */
    private static void publish(Mqtt5BlockingClient client, String topic, String payload, long expirySeconds) {
        var builder =
                client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8(payload));
        if (expirySeconds > 0) {
            builder.messageExpiryInterval(expirySeconds);
        }
        builder.send();
    }

    private static void subscribe(Mqtt5BlockingClient client, String topic, Mqtt5RetainHandling handling) {
        client.subscribeWith()
                .topicFilter(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .retainHandling(handling)
                .send();
    }

    private static void assertRetained(Mqtt5Publish message) {
        assertThat(text(message.getPayloadAsBytes())).isEqualTo("retained");
        assertThat(message.isRetain()).isTrue();
    }

    /** The PUBACK reason code, whether the client reports an error code as a result or as an exception. */
    private static Mqtt5PubAckReasonCode pubAckReasonCode(Mqtt5BlockingClient client, Mqtt5Publish publish) {
        try {
            Mqtt5PublishResult result = client.publish(publish);
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static String pair(Mqtt5UserProperty property) {
        return property.getName() + "=" + property.getValue();
    }

    private static Mqtt5Publish receive(Mqtt5Publishes publishes) throws InterruptedException {
        return publishes
                .receive(WAIT.toMillis(), MILLISECONDS)
                .orElseThrow(() -> new AssertionError("no message within " + WAIT));
    }
}
