package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.QUIET;
import static dev.tern.it.interop.Interop.WAIT;
import static dev.tern.it.interop.Interop.hiveMq5;
import static dev.tern.it.interop.Interop.hiveMq5Blocking;
import static dev.tern.it.interop.Interop.text;
import static dev.tern.it.interop.Interop.unique;
import static dev.tern.it.interop.Interop.utf8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.Will;
import dev.tern.testkit.EmbeddedBroker;
import dev.tern.testkit.RawMqttClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wills, watched by a HiveMQ MQTT 5 subscriber. The HiveMQ client cannot drop its connection without sending
 * DISCONNECT, so where a will owner must vanish abruptly it is a {@link RawMqttClient} whose socket is simply closed.
 */
class HiveMqWillIT {
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
    void aWillWithADelayOfTwoSecondsArrivesAboutTwoSecondsAfterAnAbruptCloseWithItsProperties() throws Exception {
        String willTopic = unique("will-delay") + "/status";
        try (Mqtt5Publishes watched = watch(willTopic)) {
            RawMqttClient owner = RawMqttClient.open(broker.port(), MqttVersion.V5);
            MqttProperties willProperties = MqttProperties.builder()
                    .put(PropertyId.WILL_DELAY_INTERVAL, 2)
                    .put(PropertyId.CONTENT_TYPE, "text/plain")
                    .addUserProperty("reason", "lost")
                    .build();
            connect(owner, unique("will-owner"), true, willTopic, willProperties);

            long closedAt = System.nanoTime();
            owner.close(); // no DISCONNECT: the connection just ends

            Mqtt5Publish will = receive(watched);
            Duration after = Duration.ofNanos(System.nanoTime() - closedAt);
            assertThat(text(will.getPayloadAsBytes())).isEqualTo("gone");
            assertThat(will.getContentType())
                    .hasValueSatisfying(type -> assertThat(type.toString()).isEqualTo("text/plain"));
            assertThat(will.getUserProperties().asList()).singleElement().satisfies(property -> {
                assertThat(property.getName().toString()).isEqualTo("reason");
                assertThat(property.getValue().toString()).isEqualTo("lost");
            });
            // "to within a second" of the 2 s delay; the upper bound is loose for a loaded machine.
            assertThat(after).isBetween(Duration.ofMillis(1500), Duration.ofMillis(4500));
        }
    }

    @Test
    void reconnectingBeforeTheWillDelayHasPassedSuppressesTheWill() throws Exception {
        String willTopic = unique("will-suppressed") + "/status";
        String ownerId = unique("will-owner");
        MqttProperties willProperties =
                MqttProperties.builder().put(PropertyId.WILL_DELAY_INTERVAL, 2).build();
        try (Mqtt5Publishes watched = watch(willTopic)) {
            RawMqttClient first = RawMqttClient.open(broker.port(), MqttVersion.V5);
            connect(first, ownerId, true, willTopic, willProperties);
            long closedAt = System.nanoTime();
            first.close();

            try (RawMqttClient again = RawMqttClient.open(broker.port(), MqttVersion.V5)) {
                ConnAckPacket ack = connect(again, ownerId, false, null, MqttProperties.EMPTY);
                assertThat(ack.sessionPresent()).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - closedAt))
                        .as("reconnected within the delay")
                        .isLessThan(Duration.ofMillis(1500));

                // Watch until well past the moment the will would have gone (2 s after the close).
                long watchMillis =
                        3500 - Duration.ofNanos(System.nanoTime() - closedAt).toMillis();
                assertThat(watched.receive(watchMillis, MILLISECONDS))
                        .as("the will of a session resumed in time")
                        .isEmpty();
                again.send(DisconnectPacket.NORMAL);
            }
        }
    }

    @Test
    void aNormalDisconnectDiscardsTheWillAndDisconnectWithWillMessageSendsIt() throws Exception {
        String willTopic = unique("will-disconnect") + "/status";
        try (Mqtt5Publishes watched = watch(willTopic)) {
            Mqtt5BlockingClient polite = clients.add5(hiveMq5Blocking(broker.port(), unique("will-polite")));
            polite.connectWith()
                    .willPublish()
                    .topic(willTopic)
                    .payload(utf8("polite"))
                    .applyWillPublish()
                    .send();
            polite.disconnect();

            Mqtt5BlockingClient asking = clients.add5(hiveMq5Blocking(broker.port(), unique("will-asking")));
            asking.connectWith()
                    .willPublish()
                    .topic(willTopic)
                    .payload(utf8("asked for"))
                    .applyWillPublish()
                    .send();
            asking.disconnectWith()
                    .reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
                    .send();

            // Wills go out in order of the disconnects: the first one to arrive must be the one asked for.
            assertThat(text(receive(watched).getPayloadAsBytes())).isEqualTo("asked for");
            assertThat(watched.receive(QUIET.toMillis(), MILLISECONDS)).isEmpty();
        }
    }

    @Test
    void aWillDelayedBeyondTheSessionExpiryGoesWhenTheSessionEndsAndTheSessionIsGoneAfterwards() throws Exception {
        String willTopic = unique("will-session-end") + "/status";
        String ownerId = unique("will-owner");
        try (Mqtt5Publishes watched = watch(willTopic)) {
            Mqtt5BlockingClient owner = clients.add5(hiveMq5Blocking(broker.port(), ownerId));
            owner.connectWith()
                    .cleanStart(true)
                    .sessionExpiryInterval(1)
                    .willPublish()
                    .topic(willTopic)
                    .payload(utf8("session over"))
                    .delayInterval(60)
                    .applyWillPublish()
                    .send();
            owner.subscribeWith().topicFilter(willTopic + "/echo").send();
            long disconnectedAt = System.nanoTime();
            owner.disconnectWith()
                    .reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
                    .send();

            // The session expires after 1 s, long before the 60 s delay, and its end sends the will.
            Mqtt5Publish will = receive(watched);
            assertThat(text(will.getPayloadAsBytes())).isEqualTo("session over");
            assertThat(Duration.ofNanos(System.nanoTime() - disconnectedAt)).isGreaterThan(Duration.ofMillis(800));

            boolean sessionPresent =
                    owner.connectWith().cleanStart(false).send().isSessionPresent();
            assertThat(sessionPresent).as("session present after it expired").isFalse();
        }
    }

    @Test
    void aSessionTakeoverPublishesTheWillOfTheConnectionTakenOver() throws Exception {
        String willTopic = unique("will-takeover") + "/status";
        String ownerId = unique("will-owner");
        try (Mqtt5Publishes watched = watch(willTopic)) {
            Mqtt5BlockingClient first =
                    clients.add5(hiveMq5(broker.port(), ownerId).buildBlocking());
            first.connectWith()
                    .willPublish()
                    .topic(willTopic)
                    .payload(utf8("taken over"))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .applyWillPublish()
                    .send();

            clients.add5(hiveMq5Blocking(broker.port(), ownerId)).connect();

            assertThat(text(receive(watched).getPayloadAsBytes())).isEqualTo("taken over");
        }
    }

    @Test
    void aWillIsPublishedWhenItsOwnerFallsSilentForOneAndAHalfTimesItsKeepAlive() throws Exception {
        String willTopic = unique("will-keepalive") + "/status";
        try (Mqtt5Publishes watched = watch(willTopic);
                RawMqttClient owner = RawMqttClient.open(broker.port(), MqttVersion.V3_1_1)) {
            owner.send(new ConnectPacket(
                    MqttVersion.V3_1_1,
                    unique("will-silent"),
                    true,
                    1, // keep alive 1 s: the broker gives up after 1.5 s without a packet
                    Optional.of(new Will(
                            willTopic,
                            new BinaryData(utf8("silent")),
                            dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE,
                            false,
                            MqttProperties.EMPTY)),
                    Optional.empty(),
                    Optional.empty(),
                    MqttProperties.EMPTY));
            owner.receive(ConnAckPacket.class);
            long silentFrom = System.nanoTime();

            assertThat(text(receive(watched).getPayloadAsBytes())).isEqualTo("silent");
            assertThat(Duration.ofNanos(System.nanoTime() - silentFrom)).isGreaterThan(Duration.ofMillis(1000));
            assertThat(owner.isClosedWithin(WAIT))
                    .as("the silent connection is closed")
                    .isTrue();
        }
    }

    @Test
    void aWillIsPublishedWhenTheBrokerClosesAConnectionForAProtocolError() throws Exception {
        String willTopic = unique("will-protocol-error") + "/status";
        try (Mqtt5Publishes watched = watch(willTopic);
                RawMqttClient owner = RawMqttClient.open(broker.port(), MqttVersion.V5)) {
            String ownerId = unique("will-rude");
            connect(owner, ownerId, true, willTopic, MqttProperties.EMPTY);

            // A second CONNECT is a Protocol Error [MQTT-3.1.0-2].
            owner.send(new ConnectPacket(
                    MqttVersion.V5,
                    ownerId,
                    true,
                    60,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    MqttProperties.EMPTY));

            assertThat(text(receive(watched).getPayloadAsBytes())).isEqualTo("gone");
            assertThat(owner.isClosedWithin(WAIT)).isTrue();
        }
    }

    @Test
    void aTakeoverWithCleanStartEndsTheOldSessionAndSendsItsDelayedWillAtOnce() throws Exception {
        String willTopic = unique("will-takeover-clean") + "/status";
        String ownerId = unique("will-owner");
        try (Mqtt5Publishes watched = watch(willTopic)) {
            Mqtt5BlockingClient first = clients.add5(hiveMq5Blocking(broker.port(), ownerId));
            first.connectWith()
                    .sessionExpiryInterval(60)
                    .willPublish()
                    .topic(willTopic)
                    .payload(utf8("session replaced"))
                    .delayInterval(30)
                    .applyWillPublish()
                    .send();

            long takenOverAt = System.nanoTime();
            clients.add5(hiveMq5Blocking(broker.port(), ownerId))
                    .connectWith()
                    .cleanStart(true)
                    .send();

            assertThat(text(receive(watched).getPayloadAsBytes())).isEqualTo("session replaced");
            assertThat(Duration.ofNanos(System.nanoTime() - takenOverAt))
                    .as("long before the 30 s delay")
                    .isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aTakeoverThatResumesTheSessionBeforeTheWillDelaySuppressesTheWill() throws Exception {
        String willTopic = unique("will-takeover-resume") + "/status";
        String ownerId = unique("will-owner");
        try (Mqtt5Publishes watched = watch(willTopic)) {
            Mqtt5BlockingClient first = clients.add5(hiveMq5Blocking(broker.port(), ownerId));
            first.connectWith()
                    .sessionExpiryInterval(60)
                    .willPublish()
                    .topic(willTopic)
                    .payload(utf8("must not go"))
                    .delayInterval(1)
                    .applyWillPublish()
                    .send();

            Mqtt5BlockingClient second = clients.add5(hiveMq5Blocking(broker.port(), ownerId));
            assertThat(second.connectWith()
                            .cleanStart(false)
                            .sessionExpiryInterval(60)
                            .send()
                            .isSessionPresent())
                    .isTrue();

            // Well past the 1 s delay: the resumed session keeps its owner's will to itself.
            assertThat(watched.receive(2500, MILLISECONDS)).isEmpty();
        }
    }

    /** A HiveMQ MQTT 5 watcher subscribed to {@code topic}; closing the returned stream leaves the client to cleanup. */
    private Mqtt5Publishes watch(String topic) {
        Mqtt5BlockingClient watcher = clients.connected5(unique("will-watcher"));
        Mqtt5Publishes publishes = watcher.publishes(MqttGlobalPublishFilter.ALL);
        watcher.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
        return publishes;
    }

    /** CONNECT (5.0, session expiry 30 s) with a will on {@code willTopic} when it is not null; returns the CONNACK. */
    private static ConnAckPacket connect(
            RawMqttClient client,
            String clientId,
            boolean cleanStart,
            String willTopic,
            MqttProperties willProperties) {
        Optional<Will> will = willTopic == null
                ? Optional.empty()
                : Optional.of(new Will(
                        willTopic,
                        new BinaryData(utf8("gone")),
                        dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE,
                        false,
                        willProperties));
        client.send(new ConnectPacket(
                MqttVersion.V5,
                clientId,
                cleanStart,
                60,
                will,
                Optional.empty(),
                Optional.empty(),
                MqttProperties.builder()
                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, 30)
                        .build()));
        ConnAckPacket ack = client.receive(ConnAckPacket.class);
        assertThat(ack.reasonCode()).isEqualTo(ReasonCode.SUCCESS);
        return ack;
    }

    private static Mqtt5Publish receive(Mqtt5Publishes publishes) throws InterruptedException {
        return publishes
                .receive(WAIT.toMillis(), MILLISECONDS)
                .orElseThrow(() -> new AssertionError("no will within " + WAIT));
    }
}
