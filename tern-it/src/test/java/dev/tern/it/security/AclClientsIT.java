package dev.tern.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import dev.tern.auth.password.PasswordFileEditor;
import dev.tern.testkit.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords and ACLs over real connections: HiveMQ (MQTT 5) and Paho (3.1.1 and 5.0) clients with username and
 * password, subscriptions wider than the rules, wildcards and names that try to widen a pattern.
 */
class AclClientsIT {
    private static final Duration QUIET = Duration.ofMillis(500);

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private final List<Mqtt5BlockingClient> hive = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        Path passwd = dir.resolve("passwd");
        PasswordFileEditor editor = new PasswordFileEditor(new SecureRandom(), 4096);
        editor.create(passwd, "alice", utf8("alice-pw"));
        editor.put(passwd, "bob", utf8("bob-pw"));
        editor.put(passwd, "+", utf8("plus-pw"));
        editor.put(passwd, "a/b", utf8("slash-pw"));
        Path acl = dir.resolve("acl.yaml");
        Files.writeString(acl, """
                users:
                  alice:
                    - {topic: "sensors/#", access: readwrite}
                    - {topic: "sensors/secret/#", access: deny}
                  bob:
                    - {topic: "sensors/#", access: write}
                patterns:
                  - {topic: "users/%u/#", access: readwrite}
                  - {topic: "devices/%c/#", access: readwrite}
                """);
        broker = EmbeddedBroker.start(Map.of(
                "sys.interval", "0",
                "auth.password_file", passwd.toString(),
                "auth.acl_file", acl.toString()));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void disconnect() {
        for (Mqtt5BlockingClient client : hive) {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        }
    }

    @Test
    void hiveMqWithTheRightPasswordConnectsAndWithAWrongOneGetsBadUsernameOrPassword() {
        connect("c-alice", "alice", "alice-pw");

        Mqtt5BlockingClient wrong = client("c-wrong");
        assertThatThrownBy(() -> wrong.connectWith()
                        .simpleAuth()
                        .username("alice")
                        .password(utf8("guess"))
                        .applySimpleAuth()
                        .send())
                .isInstanceOfSatisfying(
                        Mqtt5ConnAckException.class,
                        e -> assertThat(e.getMqttMessage().getReasonCode())
                                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
        assertThatThrownBy(() -> client("c-anon").connect())
                .isInstanceOfSatisfying(
                        Mqtt5ConnAckException.class,
                        e -> assertThat(e.getMqttMessage().getReasonCode())
                                .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
    }

    @Test
    void aSubscriptionThatWouldReachADeniedTopicIsRefusedWithNotAuthorizedAndANarrowerOneIsGranted() {
        Mqtt5BlockingClient alice = connect("c-alice-sub", "alice", "alice-pw");

        assertThat(subscribeCode(alice, "sensors/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribeCode(alice, "+/secret/key")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribeCode(alice, "$share/g/sensors/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribeCode(alice, "$SYS/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribeCode(alice, "sensors/kitchen/#")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        assertThat(subscribeCode(alice, "$share/g/sensors/hall/+")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
    }

    @Test
    void aClientReceivesOnlyWhatItMayReadWhateverItsWildcards() throws Exception {
        Mqtt5BlockingClient alice = connect("c-alice-recv", "alice", "alice-pw");
        Mqtt5BlockingClient bob = connect("c-bob", "bob", "bob-pw");
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
                alice.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            subscribeCode(alice, "sensors/kitchen/#");
            subscribeCode(alice, "users/alice/#");
            bob.publishWith()
                    .topic("sensors/secret/key")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            bob.publishWith()
                    .topic("sensors/kitchen/t")
                    .payload(utf8("21"))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();

            Optional<Mqtt5Publish> first = publishes.receive(10, TimeUnit.SECONDS);
            assertThat(first)
                    .hasValueSatisfying(p -> assertThat(p.getTopic().toString()).isEqualTo("sensors/kitchen/t"));
            assertThat(publishes.receive(QUIET.toMillis(), TimeUnit.MILLISECONDS))
                    .isEmpty();
        }
        // bob may write sensors/#, not read it; and not write users/alice/...
        assertThat(subscribeCode(bob, "sensors/kitchen/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void usernamesAndClientIdsWithWildcardsOrSlashesGainNothingFromPatterns() {
        Mqtt5BlockingClient plus = connect("c-plus", "+", "plus-pw");
        assertThat(subscribeCode(plus, "users/+/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribeCode(plus, "users/alice/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);

        Mqtt5BlockingClient slash = connect("c-slash", "a/b", "slash-pw");
        assertThat(subscribeCode(slash, "users/a/b/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);

        Mqtt5BlockingClient hash = connect("#", "alice", "alice-pw");
        assertThat(subscribeCode(hash, "devices/+/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribeCode(hash, "devices/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);

        Mqtt5BlockingClient device = connect("dev-7", "alice", "alice-pw");
        assertThat(subscribeCode(device, "devices/dev-7/#")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        assertThat(subscribeCode(device, "devices/dev-8/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        String longLevel = "x".repeat(900);
        assertThat(subscribeCode(device, "devices/dev-7/" + longLevel)).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
    }

    @Test
    void pahoV3WithAPasswordConnectsAndAWideSubscriptionGetsTheFailureReturnCode() throws Exception {
        var paho = new org.eclipse.paho.client.mqttv3.MqttClient(uri(), "paho3-alice", new MemoryPersistence());
        try {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName("alice");
            options.setPassword("alice-pw".toCharArray());
            paho.connect(options);
            // 3.1.1 SUBACK has no "not authorized": the failure return code 0x80 [MQTT-3.9.3-2].
            assertThat(paho.subscribeWithResponse("#", 1).getGrantedQos()).containsExactly(0x80);
            assertThat(paho.subscribeWithResponse("sensors/kitchen/#", 1).getGrantedQos())
                    .containsExactly(1);
            paho.disconnect();
        } finally {
            paho.close();
        }
        var refused = new org.eclipse.paho.client.mqttv3.MqttClient(uri(), "paho3-wrong", new MemoryPersistence());
        MqttConnectOptions wrong = new MqttConnectOptions();
        wrong.setUserName("alice");
        wrong.setPassword("nope".toCharArray());
        assertThatThrownBy(() -> refused.connect(wrong))
                .isInstanceOfSatisfying(
                        MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
        refused.close();
    }

    @Test
    void pahoV5WithAPasswordConnects() throws Exception {
        org.eclipse.paho.mqttv5.client.MqttClient paho = new org.eclipse.paho.mqttv5.client.MqttClient(
                uri(), "paho5-bob", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName("bob");
            options.setPassword(utf8("bob-pw"));
            paho.connect(options);
            assertThat(paho.isConnected()).isTrue();
            paho.disconnect();
        } finally {
            paho.close();
        }
    }

    private Mqtt5BlockingClient connect(String clientId, String user, String password) {
        Mqtt5BlockingClient client = client(clientId);
        client.connectWith()
                .simpleAuth()
                .username(user)
                .password(utf8(password))
                .applySimpleAuth()
                .send();
        return client;
    }

    private Mqtt5BlockingClient client(String clientId) {
        Mqtt5BlockingClient client = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(broker.host())
                .serverPort(broker.port())
                .buildBlocking();
        hive.add(client);
        return client;
    }

    private static Mqtt5SubAckReasonCode subscribeCode(Mqtt5BlockingClient client, String filter) {
        try {
            return client.subscribeWith()
                    .topicFilter(filter)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .getReasonCodes()
                    .getFirst();
        } catch (Mqtt5SubAckException e) {
            return e.getMqttMessage().getReasonCodes().getFirst();
        }
    }

    private static String uri() {
        return "tcp://" + broker.host() + ":" + broker.port();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
