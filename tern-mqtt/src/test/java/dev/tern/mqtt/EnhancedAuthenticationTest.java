package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.security.EnhancedAuthentication.Step;
import dev.tern.api.session.DisconnectKind;
import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** MQTT 5 enhanced authentication and re-authentication (section 4.12). */
class EnhancedAuthenticationTest {
    private static final String SCRAM = Wire.hex("SCRAM");

    private static ConnectPacket connectWith(String method, String data) {
        return Packets.connect(
                MqttVersion.V5,
                "client-1",
                true,
                60,
                Packets.properties()
                        .put(PropertyId.AUTHENTICATION_METHOD, method)
                        .put(PropertyId.AUTHENTICATION_DATA, new BinaryData(data.getBytes(StandardCharsets.UTF_8)))
                        .build());
    }

    @Test
    void a_challenge_and_response_end_in_a_connack_carrying_method_and_final_data() {
        ChannelHarness harness = new ChannelHarness();
        harness.accessControl.methods.put(
                "SCRAM", List.of(new Step.Continue(bytes("s1")), new Step.Success("alice", bytes("s2"))));

        List<Action> challenged = harness.in(connectWith("SCRAM", "c1"));
        List<Action> connected = harness.in(Packets.auth(ReasonCode.CONTINUE_AUTHENTICATION, "SCRAM", "c2"));

        // [MQTT-4.12.0-2] AUTH 0x18 with the method and the server's data.
        assertThat(Wire.describe(challenged))
                .containsExactly("f0 0f 18 0d 15 00 05 " + SCRAM + " 16 00 02 " + Wire.hex("s1"));
        // [MQTT-4.12.0-5] the successful CONNACK carries the same method, and the final data.
        assertThat(Wire.sent(connected))
                .containsExactly("20 1b 00 00 18 15 00 05 " + SCRAM + " 16 00 02 " + Wire.hex("s2") + " "
                        + Wire.V5_CONNACK_LIMITS);
        assertThat(harness.accessControl.clientData).containsExactly("c1", "c2");
        assertThat(harness.broker.requests.getFirst().client().username()).contains("alice");
    }

    @Test
    void an_unsupported_method_is_refused_with_bad_authentication_method() {
        ChannelHarness harness = new ChannelHarness();

        List<Action> actions = harness.in(connectWith("KERBEROS", "x"));

        assertThat(Wire.sent(actions)).containsExactly("20 03 00 8c 00");
        assertThat(actions.getLast()).isInstanceOf(Action.Close.class);
        assertThat(harness.broker.requests).isEmpty();
    }

    @Test
    void a_failed_exchange_is_refused_with_not_authorized_without_telling_why() {
        ChannelHarness harness = new ChannelHarness();
        harness.accessControl.methods.put(
                "SCRAM", List.of(new Step.Continue(bytes("s1")), new Step.Failure("bad proof")));

        harness.in(connectWith("SCRAM", "c1"));
        List<Action> refused = harness.in(Packets.auth(ReasonCode.CONTINUE_AUTHENTICATION, "SCRAM", "wrong"));

        assertThat(Wire.describe(refused))
                .containsExactly(
                        "20 03 00 87 00",
                        "Close[reason=connect refused: authentication failed 0x87 Not authorized [MQTT-4.12.0-4]: "
                                + "bad proof]");
    }

    @Test
    void an_auth_with_another_method_is_a_protocol_error() {
        ChannelHarness harness = new ChannelHarness();
        harness.accessControl.methods.put("SCRAM", List.of(new Step.Continue(bytes("s1"))));
        harness.in(connectWith("SCRAM", "c1"));

        List<Action> refused = harness.in(Packets.auth(ReasonCode.CONTINUE_AUTHENTICATION, "OTHER", "c2"));

        assertThat(((ConnAckPacket) Wire.packets(refused).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    @Test
    void only_auth_or_disconnect_may_come_before_connack_during_an_exchange() {
        ChannelHarness harness = new ChannelHarness();
        harness.accessControl.methods.put("SCRAM", List.of(new Step.Continue(bytes("s1"))));
        harness.in(connectWith("SCRAM", "c1"));
        PublishPacket early = Packets.publish(MqttQos.AT_MOST_ONCE, "t", 0, "x");

        List<Action> refused = harness.in(early);

        // [MQTT-3.1.2-30]
        assertThat(((ConnAckPacket) Wire.packets(refused).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.PROTOCOL_ERROR);
        assertThat(early.refCnt()).isZero();
    }

    @Test
    void a_successful_reauthentication_is_answered_with_auth_success() {
        ChannelHarness harness = new ChannelHarness();
        harness.accessControl.methods.put("SCRAM", List.of(new Step.Success("alice", new byte[0])));
        harness.in(connectWith("SCRAM", "c1"));

        List<Action> actions = harness.in(Packets.auth(ReasonCode.RE_AUTHENTICATE, "SCRAM", "r1"));

        assertThat(Wire.describe(actions)).containsExactly("f0 0a 00 08 15 00 05 " + SCRAM);
        assertThat(harness.accessControl.clientData).containsExactly("c1", "r1");
    }

    @Test
    void a_failed_reauthentication_disconnects_with_not_authorized_and_publishes_the_will() {
        ChannelHarness harness = new ChannelHarness();
        harness.accessControl.methods.put("SCRAM", List.of(new Step.Success("alice", new byte[0])));
        harness.in(connectWith("SCRAM", "c1"));
        harness.accessControl.methods.put("SCRAM", List.of(new Step.Failure("expired token")));

        List<Action> actions = harness.in(Packets.auth(ReasonCode.RE_AUTHENTICATE, "SCRAM", "r1"));

        assertThat(Wire.describe(actions))
                .containsExactly(
                        "e0 01 87",
                        "Close[reason=re-authentication failed 0x87 Not authorized [MQTT-4.12.0-4]: expired token]");
        assertThat(harness.session().disconnects)
                .containsExactly(new FakeSession.Disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty()));
    }

    @Test
    void auth_from_a_client_that_connected_without_a_method_is_a_protocol_error() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        List<Action> actions = harness.in(Packets.auth(ReasonCode.RE_AUTHENTICATE, "SCRAM", "r1"));

        // [MQTT-4.12.0-7]
        assertThat(((DisconnectPacket) Wire.packets(actions).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.PROTOCOL_ERROR);
        assertThat(actions.getLast()).isInstanceOf(Action.Close.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
