package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.broker.Traffic;
import dev.tern.api.session.DisconnectKind;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time around CONNECT: packets before CONNACK, a core that answers late, the connect timeout. */
class ConnectTimingTest {
    @Test
    void packets_sent_before_the_core_answers_wait_for_connack_while_reading_is_paused() {
        ChannelHarness harness = new ChannelHarness();
        harness.broker.hold = true;

        List<Action> connecting = harness.connect(MqttVersion.V3_1_1);
        List<Action> early = harness.in(Packets.publish(MqttQos.AT_LEAST_ONCE, "t", 7, "x"));
        harness.broker.answer();

        assertThat(Wire.describe(connecting)).containsExactly("Reading[enabled=false]");
        assertThat(early).isEmpty();
        assertThat(Wire.describe(harness.later))
                .containsExactly(
                        "20 02 00 00",
                        "CancelTimer[timer=CONNECT_TIMEOUT]",
                        "Opened[clientId=client-1, version=V3_1_1, sessionPresent=false, keepAliveSeconds=60]",
                        "Reading[enabled=true]",
                        "SetTimer[timer=KEEP_ALIVE, delayMillis=90000]",
                        "40 02 00 07");
        assertThat(harness.session().published).hasSize(1);
    }

    @Test
    void a_session_the_core_opens_after_the_connection_closed_is_ended_at_once() {
        ChannelHarness harness = new ChannelHarness();
        harness.broker.hold = true;
        harness.connect(MqttVersion.V5);

        harness.channel.handleClosed();
        harness.broker.answer();

        assertThat(harness.later).isEmpty();
        assertThat(harness.session().disconnects)
                .containsExactly(new FakeSession.Disconnected(DisconnectKind.ABNORMAL, java.util.OptionalLong.empty()));
    }

    @Test
    void a_socket_that_sends_no_connect_is_closed_after_the_connect_timeout() {
        ChannelHarness harness = new ChannelHarness();

        List<Action> started = harness.channel.start();
        List<Action> timedOut = harness.channel.handleTimeout(Timer.CONNECT_TIMEOUT);

        assertThat(Wire.describe(started)).containsExactly("SetTimer[timer=CONNECT_TIMEOUT, delayMillis=10000]");
        assertThat(Wire.describe(timedOut)).containsExactly("Close[reason=no CONNECT within 10 s]");
        assertThat(harness.traffic.limitsExceeded).containsExactly(Traffic.Limit.CONNECT_TIMEOUT);
    }

    @Test
    void the_connect_timeout_does_nothing_once_connected() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        assertThat(harness.channel.handleTimeout(Timer.CONNECT_TIMEOUT)).isEmpty();
        assertThat(harness.traffic.limitsExceeded).isEmpty();
    }
}
