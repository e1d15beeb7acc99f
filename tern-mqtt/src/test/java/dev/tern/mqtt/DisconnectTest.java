package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.session.DisconnectKind;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How a connection ends, and what that means for the will (section 3.14, [MQTT-3.1.2-8]). */
class DisconnectTest {
    private static FakeSession.Disconnected ended(DisconnectKind kind) {
        return new FakeSession.Disconnected(kind, OptionalLong.empty());
    }

    @Test
    void a_v5_disconnect_with_0x04_asks_for_the_will() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        List<Action> actions = harness.in(Packets.disconnect(ReasonCode.DISCONNECT_WITH_WILL_MESSAGE));

        assertThat(Wire.describe(actions))
                .containsExactly("Close[reason=client disconnected: 0x04 Disconnect with Will Message]");
        assertThat(harness.session().disconnects).containsExactly(ended(DisconnectKind.NORMAL_WITH_WILL));
    }

    @Test
    void a_normal_v5_disconnect_discards_the_will_and_may_change_the_session_expiry() {
        ChannelHarness harness = new ChannelHarness();
        harness.in(Packets.connect(
                MqttVersion.V5,
                "c",
                false,
                60,
                Packets.properties().put(PropertyId.SESSION_EXPIRY_INTERVAL, 60).build()));

        harness.in(new DisconnectPacket(
                ReasonCode.SUCCESS,
                Packets.properties()
                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, 300)
                        .build()));

        assertThat(harness.session().disconnects)
                .containsExactly(new FakeSession.Disconnected(DisconnectKind.NORMAL, OptionalLong.of(300)));
    }

    @Test
    void a_v5_disconnect_with_an_error_code_is_abnormal() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        harness.in(Packets.disconnect(ReasonCode.UNSPECIFIED_ERROR));

        assertThat(harness.session().disconnects).containsExactly(ended(DisconnectKind.ABNORMAL));
    }

    @Test
    void a_session_expiry_set_at_disconnect_after_connect_said_zero_is_a_protocol_error() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        List<Action> actions = harness.in(new DisconnectPacket(
                ReasonCode.SUCCESS,
                Packets.properties()
                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, 300)
                        .build()));

        assertThat(((DisconnectPacket) Wire.packets(actions).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.PROTOCOL_ERROR);
        // Not a valid DISCONNECT: the will is published.
        assertThat(harness.session().disconnects).containsExactly(ended(DisconnectKind.ABNORMAL));
    }

    @Test
    void a_v311_disconnect_is_normal() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V3_1_1);

        List<Action> actions = harness.in(DisconnectPacket.NORMAL);

        assertThat(Wire.describe(actions)).containsExactly("Close[reason=client disconnected]");
        assertThat(harness.session().disconnects).containsExactly(ended(DisconnectKind.NORMAL));
    }

    @Test
    void a_socket_closed_without_disconnect_ends_the_session_abnormally_once() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V3_1_1);

        harness.channel.handleClosed();
        harness.channel.handleClosed();

        assertThat(harness.session().disconnects).containsExactly(ended(DisconnectKind.ABNORMAL));
    }

    @Test
    void the_socket_closing_after_disconnect_does_not_end_the_session_again() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        harness.in(Packets.disconnect(ReasonCode.SUCCESS));
        harness.channel.handleClosed();

        assertThat(harness.session().disconnects).containsExactly(ended(DisconnectKind.NORMAL));
    }

    @Test
    void packets_after_the_close_are_released_and_ignored() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);
        harness.in(Packets.disconnect(ReasonCode.SUCCESS));
        PublishPacket late = Packets.publish(MqttQos.AT_LEAST_ONCE, "t", 1, "x", MqttProperties.EMPTY);

        assertThat(harness.in(late)).isEmpty();
        assertThat(late.refCnt()).isZero();
        assertThat(harness.session().published).isEmpty();
    }
}
