package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.broker.Traffic;
import dev.tern.api.security.AuthenticationResult;
import dev.tern.api.session.ConnectRefusal;
import dev.tern.api.session.SessionRequest;
import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CONNECT to CONNACK per protocol version: acceptance, assigned identifiers, refusals (sections 3.1, 3.2). */
class ConnectTest {
    @Test
    void a_v311_client_is_accepted_with_a_plain_connack_and_its_keep_alive_timer() {
        ChannelHarness harness = new ChannelHarness();

        List<Action> actions = harness.connect(MqttVersion.V3_1_1);

        assertThat(Wire.describe(actions))
                .containsExactly(
                        "Reading[enabled=false]",
                        "20 02 00 00",
                        "CancelTimer[timer=CONNECT_TIMEOUT]",
                        "Opened[clientId=client-1, version=V3_1_1, sessionPresent=false, keepAliveSeconds=60]",
                        "Reading[enabled=true]",
                        "SetTimer[timer=KEEP_ALIVE, delayMillis=90000]");
        SessionRequest request = harness.broker.requests.getFirst();
        assertThat(request.client().clientId()).isEqualTo("client-1");
        assertThat(request.client().protocol()).isEqualTo("mqtt/3.1.1");
        assertThat(request.client().listener()).isEqualTo("test-listener");
        assertThat(request.client().peer()).isEqualTo("127.0.0.1:50000");
        assertThat(request.cleanStart()).isTrue();
        assertThat(request.sessionExpirySeconds()).isZero();
        assertThat(request.receiveMaximum()).isEqualTo(65_535);
    }

    @Test
    void a_v311_persistent_session_never_expires_and_reports_session_present() {
        ChannelHarness harness = new ChannelHarness();
        harness.broker.sessionPresent = true;

        List<Action> actions =
                harness.in(Packets.connect(MqttVersion.V3_1_1, "client-1", false, 60, MqttProperties.EMPTY));

        assertThat(Wire.sent(actions)).containsExactly("20 02 01 00");
        assertThat(harness.broker.requests.getFirst().sessionExpirySeconds()).isEqualTo(SessionRequest.NEVER_EXPIRES);
        assertThat(harness.broker.requests.getFirst().cleanStart()).isFalse();
    }

    @Test
    void a_clean_start_never_claims_a_present_session_even_if_the_core_says_so() {
        ChannelHarness harness = new ChannelHarness();
        harness.broker.sessionPresent = true;

        assertThat(Wire.sent(harness.connect(MqttVersion.V3_1_1))).containsExactly("20 02 00 00");
    }

    @Test
    void an_empty_v311_client_identifier_with_clean_session_gets_one_assigned_silently() {
        ChannelHarness harness = new ChannelHarness();

        List<Action> actions = harness.in(Packets.connect(MqttVersion.V3_1_1, ""));

        assertThat(Wire.sent(actions)).containsExactly("20 02 00 00");
        assertThat(harness.broker.requests.getFirst().client().clientId()).isEqualTo("tern-0123456789abcdef");
    }

    @Test
    void a_v5_client_is_told_the_server_limits_in_connack() {
        ChannelHarness harness = new ChannelHarness();

        List<Action> actions = harness.connect(MqttVersion.V5);

        // Receive Maximum 1024, Topic Alias Maximum 64, Maximum Packet Size 1048576.
        assertThat(Wire.sent(actions)).containsExactly("20 0e 00 00 0b " + Wire.V5_CONNACK_LIMITS);
    }

    @Test
    void a_v5_client_is_told_when_the_broker_caps_its_session_expiry() {
        ChannelHarness harness = new ChannelHarness();
        harness.broker.cappedSessionExpiry = 3600L;

        List<Action> actions = harness.in(Packets.connect(
                MqttVersion.V5,
                "c",
                false,
                60,
                MqttProperties.builder()
                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, 0xFFFF_FFFFL)
                        .build()));

        // 3.2.2.3.2: Session Expiry Interval (0x11) = 3600 before the limits.
        assertThat(Wire.sent(actions)).containsExactly("20 13 00 00 10 11 00 00 0e 10 " + Wire.V5_CONNACK_LIMITS);
    }

    @Test
    void an_empty_v5_client_identifier_is_answered_with_the_assigned_client_identifier() {
        ChannelHarness harness = new ChannelHarness();

        List<Action> actions = harness.in(Packets.connect(MqttVersion.V5, ""));

        // [MQTT-3.2.2-16] Assigned Client Identifier (0x12) before the limits.
        assertThat(Wire.sent(actions))
                .containsExactly(
                        "20 26 00 00 23 12 00 15 " + Wire.hex("tern-0123456789abcdef") + " " + Wire.V5_CONNACK_LIMITS);
        assertThat(harness.session().clientId()).isEqualTo("tern-0123456789abcdef");
    }

    @Test
    void a_client_identifier_longer_than_the_limit_is_refused_with_0x85_or_return_code_2() {
        String tooLong = "c".repeat(MqttSettings.defaults().maxClientIdLength() + 1);
        ChannelHarness v311 = new ChannelHarness();
        ChannelHarness v5 = new ChannelHarness();

        List<Action> refused311 = v311.in(Packets.connect(MqttVersion.V3_1_1, tooLong));
        List<Action> refused5 = v5.in(Packets.connect(MqttVersion.V5, tooLong));

        assertThat(Wire.describe(refused311))
                .containsExactly(
                        "20 02 00 02",
                        "Close[reason=connect refused: 0x85 Client Identifier not valid [MQTT-3.1.3-5]: client "
                                + "identifier longer than 256 bytes]");
        ConnAckPacket connAck = (ConnAckPacket) Wire.packets(refused5).getFirst();
        assertThat(connAck.reasonCode()).isEqualTo(ReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
        assertThat(connAck.properties().reasonString()).contains("client identifier longer than 256 bytes");
        assertThat(v5.broker.requests).isEmpty();
        assertThat(v311.traffic.limitsExceeded).containsExactly(Traffic.Limit.CLIENT_ID_LENGTH);
        assertThat(v5.traffic.limitsExceeded).containsExactly(Traffic.Limit.CLIENT_ID_LENGTH);
    }

    @Test
    void credentials_reach_access_control_with_peer_listener_and_password() {
        ChannelHarness harness = new ChannelHarness();

        harness.in(Packets.withCredentials(Packets.connect(MqttVersion.V3_1_1, "client-1"), "alice", "secret"));

        var credentials = harness.accessControl.asked.getFirst();
        assertThat(credentials.clientId()).isEqualTo("client-1");
        assertThat(credentials.username()).contains("alice");
        assertThat(new String(credentials.password().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("secret");
        assertThat(credentials.peer()).isEqualTo("127.0.0.1:50000");
        assertThat(credentials.peerIsLoopback()).isTrue();
        assertThat(credentials.listener()).isEqualTo("test-listener");
        assertThat(credentials.certificateSubject()).isEmpty();
    }

    @Test
    void the_username_access_control_accepts_is_the_session_username() {
        ChannelHarness harness = new ChannelHarness();
        harness.accessControl.answer = new AuthenticationResult.Accepted(Optional.of("cn=alice"));

        harness.in(Packets.withCredentials(Packets.connect(MqttVersion.V5, "client-1"), "alice", "secret"));

        assertThat(harness.broker.requests.getFirst().client().username()).contains("cn=alice");
    }

    @Test
    void rejected_credentials_are_refused_with_the_code_of_each_version() {
        assertThat(refusal(MqttVersion.V3_1_1, AuthenticationResult.Reason.BAD_USERNAME_OR_PASSWORD))
                .isEqualTo("20 02 00 04");
        assertThat(refusal(MqttVersion.V3_1_1, AuthenticationResult.Reason.NOT_AUTHORIZED))
                .isEqualTo("20 02 00 05");
        assertThat(refusal(MqttVersion.V3_1, AuthenticationResult.Reason.BANNED))
                .isEqualTo("20 02 00 05");
        // The detail of a failed authentication never reaches the client: no Reason String.
        assertThat(refusal(MqttVersion.V5, AuthenticationResult.Reason.BAD_USERNAME_OR_PASSWORD))
                .isEqualTo("20 03 00 86 00");
        assertThat(refusal(MqttVersion.V5, AuthenticationResult.Reason.NOT_AUTHORIZED))
                .isEqualTo("20 03 00 87 00");
        assertThat(refusal(MqttVersion.V5, AuthenticationResult.Reason.BANNED)).isEqualTo("20 03 00 8a 00");
    }

    private static String refusal(MqttVersion version, AuthenticationResult.Reason reason) {
        ChannelHarness harness = new ChannelHarness();
        harness.accessControl.answer = new AuthenticationResult.Rejected(reason, "wrong password");
        List<Action> actions = harness.connect(version);
        assertThat(actions.getLast()).isInstanceOf(Action.Close.class);
        assertThat(harness.broker.requests).isEmpty();
        return Wire.sent(actions).getFirst();
    }

    @Test
    void a_core_refusal_is_answered_with_quota_exceeded_or_server_unavailable() {
        assertThat(coreRefusal(MqttVersion.V5, ConnectRefusal.CONNECTION_LIMIT)).isEqualTo("20 03 00 97 00");
        assertThat(coreRefusal(MqttVersion.V5, ConnectRefusal.SHUTTING_DOWN)).isEqualTo("20 03 00 88 00");
        assertThat(coreRefusal(MqttVersion.V3_1_1, ConnectRefusal.CONNECTION_LIMIT))
                .isEqualTo("20 02 00 03");
        assertThat(coreRefusal(MqttVersion.V3_1_1, ConnectRefusal.SHUTTING_DOWN))
                .isEqualTo("20 02 00 03");
    }

    private static String coreRefusal(MqttVersion version, ConnectRefusal refusal) {
        ChannelHarness harness = new ChannelHarness();
        harness.broker.refusal = refusal;
        List<Action> actions = harness.connect(version);
        assertThat(actions.getLast()).isInstanceOf(Action.Close.class);
        return Wire.sent(actions).getFirst();
    }
}
