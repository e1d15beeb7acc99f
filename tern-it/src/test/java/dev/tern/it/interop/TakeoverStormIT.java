package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.WAIT;
import static dev.tern.it.interop.Interop.hiveMq5;
import static dev.tern.it.interop.Interop.text;
import static dev.tern.it.interop.Interop.unique;
import static dev.tern.it.interop.Interop.utf8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import dev.tern.testkit.EmbeddedBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many HiveMQ clients claiming one client identifier at once. Each takeover moves the session between event loops;
 * whatever the interleaving, exactly one connection is left, it owns the session with its subscription, and the
 * broker's count of connected clients agrees. A broker of its own, so that count is this test's alone.
 */
class TakeoverStormIT {
    private EmbeddedBroker broker;
    private final HiveMqClients clients = new HiveMqClients(() -> broker.port());

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.start(Map.of("sys.interval", "0"));
    }

    @AfterEach
    void stopBroker() {
        clients.close();
        broker.close();
    }

    @Test
    void clientsTakingOverOneSessionAtOnceLeaveExactlyOneConnectionOwningTheSession() throws Exception {
        String clientId = unique("storm");
        String topic = unique("storm") + "/t";
        Mqtt5BlockingClient original =
                clients.add5(hiveMq5(broker.port(), clientId).buildBlocking());
        original.connectWith().sessionExpiryInterval(60).send();
        original.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();

        List<Mqtt5BlockingClient> contenders = new ArrayList<>();
        List<CompletableFuture<Mqtt5ConnAck>> connects = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Mqtt5BlockingClient contender =
                    clients.add5(hiveMq5(broker.port(), clientId).buildBlocking());
            contenders.add(contender);
            Mqtt5AsyncClient async = contender.toAsync();
            connects.add(async.connectWith()
                    .cleanStart(false)
                    .sessionExpiryInterval(60)
                    .send());
        }
        for (CompletableFuture<Mqtt5ConnAck> connect : connects) {
            // Every CONNECT is accepted (and resumes the session) before its connection may be taken over in turn.
            assertThat(connect.get(WAIT.toMillis(), MILLISECONDS).isSessionPresent())
                    .isTrue();
        }

        await().atMost(WAIT)
                .until(() -> contenders.stream()
                                .filter(c -> c.getState().isConnected())
                                .count()
                        == 1);
        assertThat(original.getState().isConnected()).isFalse();
        await().atMost(WAIT).until(() -> broker.server().connectedClients() == 1);

        Mqtt5BlockingClient winner = contenders.stream()
                .filter(c -> c.getState().isConnected())
                .findFirst()
                .orElseThrow();
        try (Mqtt5Publishes received = winner.publishes(MqttGlobalPublishFilter.ALL)) {
            clients.connected5(unique("storm-pub"))
                    .publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("to the last owner"))
                    .send();
            assertThat(received.receive(WAIT.toMillis(), MILLISECONDS))
                    .hasValueSatisfying(
                            p -> assertThat(text(p.getPayloadAsBytes())).isEqualTo("to the last owner"));
        }
        clients.close();
        await().atMost(WAIT).until(() -> broker.server().connectedClients() == 0);
    }
}
