package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.broker.Traffic;
import dev.tern.api.session.DisconnectKind;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PingReqPacket;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Keep alive: PINGREQ/PINGRESP and the one-and-a-half-times deadline [MQTT-3.1.2-24] (3.1.1). */
class KeepAliveTest {
    @Test
    void pingreq_is_answered_with_pingresp() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V3_1_1);

        assertThat(Wire.describe(harness.in(PingReqPacket.INSTANCE))).containsExactly("d0 00");
    }

    @Test
    void a_packet_within_the_deadline_moves_it_and_the_timer_is_rearmed_for_the_time_left() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5); // keep alive 60 s: deadline 90 s

        harness.clock.advanceMillis(30_000);
        harness.in(PingReqPacket.INSTANCE);
        harness.clock.advanceMillis(60_000);
        List<Action> fired = harness.channel.handleTimeout(Timer.KEEP_ALIVE);

        assertThat(Wire.describe(fired)).containsExactly("SetTimer[timer=KEEP_ALIVE, delayMillis=30000]");
        assertThat(harness.session().disconnects).isEmpty();
    }

    @Test
    void a_silent_v5_client_is_disconnected_with_keep_alive_timeout_and_its_will_goes_out() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V5);

        harness.clock.advanceMillis(90_000);
        List<Action> fired = harness.channel.handleTimeout(Timer.KEEP_ALIVE);

        assertThat(Wire.describe(fired))
                .containsExactly("e0 01 8d", "Close[reason=keep alive timeout: no packet within 90000 ms]");
        assertThat(harness.traffic.limitsExceeded).containsExactly(Traffic.Limit.KEEP_ALIVE_TIMEOUT);
        assertThat(harness.session().disconnects)
                .containsExactly(new FakeSession.Disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty()));
    }

    @Test
    void a_silent_v311_client_is_closed_without_a_packet() {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(MqttVersion.V3_1_1);

        harness.clock.advanceMillis(90_000);
        List<Action> fired = harness.channel.handleTimeout(Timer.KEEP_ALIVE);

        assertThat(Wire.describe(fired)).containsExactly("Close[reason=keep alive timeout: no packet within 90000 ms]");
        assertThat(harness.session().disconnects).hasSize(1);
    }
}
