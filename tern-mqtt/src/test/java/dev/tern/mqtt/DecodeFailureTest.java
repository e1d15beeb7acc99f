package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tern.api.broker.Traffic;
import dev.tern.api.session.DisconnectKind;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MalformedPacketException;
import dev.tern.mqtt.codec.MqttDecoder;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.ReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How the channel answers bytes the decoder refuses: CONNACK before the connection is accepted, DISCONNECT after. */
class DecodeFailureTest {
    private static final String CONNECT_V311 = "10 0d 00 04 4d 51 54 54 04 02 00 3c 00 01 63";
    private static final String CONNECT_V5 = "10 0e 00 04 4d 51 54 54 05 02 00 3c 00 00 01 63";

    /** Feeds {@code hex} to a fresh server decoder and returns the channel's answer to the failure. */
    private static List<Action> answerTo(ChannelHarness harness, MqttDecoder decoder, String hex) {
        ByteBuf bytes = Unpooled.wrappedBuffer(HexFormat.ofDelimiter(" ").parseHex(hex));
        MalformedPacketException failure =
                catchThrowableOfType(MalformedPacketException.class, () -> decoder.decode(bytes));
        assertThat(failure).as("the decoder refuses " + hex).isNotNull();
        return harness.channel.handleDecodeFailure(failure, decoder.version());
    }

    private static List<Action> answerBeforeConnect(String hex) {
        return answerTo(new ChannelHarness(), MqttDecoder.forServer(1 << 20), hex);
    }

    @Test
    void an_unsupported_protocol_level_gets_the_v311_connack_return_code_1() {
        List<Action> actions = answerBeforeConnect("10 0c 00 04 4d 51 54 54 06 02 00 3c 00 00");

        // [MQTT-3.1.2-2]
        assertThat(Wire.describe(actions))
                .containsExactly(
                        "20 02 00 01",
                        "Close[reason=protocol error 0x84 Unsupported Protocol Version [MQTT-3.1.2-2]: unsupported "
                                + "protocol 'MQTT' level 6]");
    }

    @Test
    void a_v311_connect_refused_by_the_codec_gets_its_return_code() {
        // Empty client identifier with Clean Session 0 [MQTT-3.1.3-8].
        List<Action> actions = answerBeforeConnect("10 0c 00 04 4d 51 54 54 04 00 00 3c 00 00");

        assertThat(Wire.sent(actions)).containsExactly("20 02 00 02");
    }

    @Test
    void a_malformed_v5_connect_gets_a_connack_with_the_reason_code() {
        // Reserved connect flag set [MQTT-3.1.2-3].
        List<Action> actions = answerBeforeConnect("10 0d 00 04 4d 51 54 54 05 01 00 3c 00 00 00");

        assertThat(Wire.sent(actions)).containsExactly("20 03 00 81 00");
        assertThat(actions.getLast()).isInstanceOf(Action.Close.class);
    }

    @Test
    void a_malformed_v311_connect_without_a_return_code_is_just_closed() {
        List<Action> actions = answerBeforeConnect("10 0d 00 04 4d 51 54 54 04 01 00 3c 00 01 63");

        assertThat(actions).singleElement().isInstanceOf(Action.Close.class);
    }

    @Test
    void an_unknown_protocol_name_is_just_closed() {
        List<Action> actions = answerBeforeConnect("10 0c 00 04 4d 51 54 58 04 02 00 3c 00 00");

        // [MQTT-3.1.2-1] the server may close without CONNACK.
        assertThat(actions).singleElement().isInstanceOf(Action.Close.class);
    }

    private static ChannelHarness connectedHarness(MqttVersion version, MqttDecoder decoder, String connect) {
        ChannelHarness harness = new ChannelHarness();
        harness.connect(version);
        assertThat(decoder.decode(
                        Unpooled.wrappedBuffer(HexFormat.ofDelimiter(" ").parseHex(connect))))
                .isNotNull();
        return harness;
    }

    @Test
    void a_malformed_packet_from_a_connected_v5_client_is_answered_with_disconnect_and_the_will() {
        MqttDecoder decoder = MqttDecoder.forServer(1 << 20);
        ChannelHarness harness = connectedHarness(MqttVersion.V5, decoder, CONNECT_V5);

        // PUBLISH with QoS 3 [MQTT-3.3.1-4].
        List<Action> actions = answerTo(harness, decoder, "36 04 00 01 74 00");

        DisconnectPacket disconnect = (DisconnectPacket) Wire.packets(actions).getFirst();
        assertThat(disconnect.reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
        assertThat(disconnect.properties().reasonString()).contains("PUBLISH QoS must not be 3");
        assertThat(actions.getLast())
                .isEqualTo(new Action.Close(
                        "protocol error 0x81 Malformed Packet [MQTT-3.3.1-4]: PUBLISH QoS must not be 3"));
        assertThat(harness.session().disconnects)
                .containsExactly(new FakeSession.Disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty()));
    }

    @Test
    void a_malformed_packet_from_a_connected_v311_client_closes_the_connection_without_a_packet() {
        MqttDecoder decoder = MqttDecoder.forServer(1 << 20);
        ChannelHarness harness = connectedHarness(MqttVersion.V3_1_1, decoder, CONNECT_V311);

        List<Action> actions = answerTo(harness, decoder, "36 04 00 01 74 00");

        assertThat(actions).singleElement().isInstanceOf(Action.Close.class);
        assertThat(harness.session().disconnects).hasSize(1);
    }

    @Test
    void a_packet_over_the_size_limit_is_answered_with_packet_too_large() {
        MqttDecoder decoder = MqttDecoder.forServer(64);
        ChannelHarness harness = connectedHarness(MqttVersion.V5, decoder, CONNECT_V5);

        // A PUBLISH announcing 200 bytes: refused from its fixed header.
        List<Action> actions = answerTo(harness, decoder, "30 c8 01");

        assertThat(((DisconnectPacket) Wire.packets(actions).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.PACKET_TOO_LARGE);
        assertThat(harness.traffic.limitsExceeded).containsExactly(Traffic.Limit.PACKET_SIZE);
    }

    @Test
    void a_failure_after_the_connection_closed_is_ignored() {
        MqttDecoder decoder = MqttDecoder.forServer(1 << 20);
        ChannelHarness harness = connectedHarness(MqttVersion.V5, decoder, CONNECT_V5);
        harness.channel.handleClosed();

        assertThat(answerTo(harness, decoder, "36 04 00 01 74 00")).isEmpty();
    }
}
