package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.Will;
import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a CONNECT settles: will, keep alive, session request, and what CONNACK advertises (3.1.2, 3.2.2.3). */
class ConnectTermsTest {
    @Test
    void a_v5_session_request_carries_expiry_and_receive_maximum_from_the_connect_properties() {
        ChannelHarness harness = new ChannelHarness();

        harness.in(Packets.connect(
                MqttVersion.V5,
                "client-1",
                false,
                60,
                Packets.properties()
                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, 3600)
                        .put(PropertyId.RECEIVE_MAXIMUM, 20)
                        .build()));

        SessionRequest request = harness.broker.requests.getFirst();
        assertThat(request.sessionExpirySeconds()).isEqualTo(3600);
        assertThat(request.receiveMaximum()).isEqualTo(20);
        assertThat(request.client().protocol()).isEqualTo("mqtt/5.0");
    }

    @Test
    void a_will_becomes_a_message_with_its_properties_and_delay() {
        ChannelHarness harness = new ChannelHarness();
        MqttProperties willProperties = Packets.properties()
                .put(PropertyId.WILL_DELAY_INTERVAL, 30)
                .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, 60)
                .put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                .put(PropertyId.CONTENT_TYPE, "text/plain")
                .put(PropertyId.RESPONSE_TOPIC, "replies/client-1")
                .put(PropertyId.CORRELATION_DATA, new BinaryData(new byte[] {1, 2}))
                .addUserProperty("k", "v")
                .build();
        var will = new dev.tern.mqtt.codec.Will(
                "status/client-1",
                new BinaryData("gone".getBytes(StandardCharsets.UTF_8)),
                MqttQos.AT_LEAST_ONCE,
                true,
                willProperties);

        harness.in(Packets.withWill(Packets.connect(MqttVersion.V5, "client-1"), will));

        Will mapped = harness.broker.requests.getFirst().will().orElseThrow();
        Message message = mapped.message();
        assertThat(mapped.delaySeconds()).isEqualTo(30);
        assertThat(message.topic().value()).isEqualTo("status/client-1");
        assertThat(new String(message.payload().toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("gone");
        assertThat(message.qos()).isEqualTo(Qos.AT_LEAST_ONCE);
        assertThat(message.retain()).isTrue();
        assertThat(message.originClientId()).isEqualTo("client-1");
        // The interval counts from publication: the core re-bases expiresAt - createdAt.
        assertThat(message.expiresAtMillis() - message.createdAtMillis()).isEqualTo(60_000);
        assertThat(message.properties().payloadIsUtf8()).isTrue();
        assertThat(message.properties().contentType()).contains("text/plain");
        assertThat(message.properties().responseTopic().orElseThrow().value()).isEqualTo("replies/client-1");
        assertThat(message.properties().correlationData().orElseThrow().toByteArray())
                .containsExactly(1, 2);
        assertThat(message.properties().userProperties())
                .containsExactly(new dev.tern.api.message.UserProperty("k", "v"));
    }

    @Test
    void a_will_the_server_cannot_carry_is_refused_with_0x9b_or_0x9a() {
        MqttSettings noQos2NoRetain =
                ChannelHarness.settings(1024, 64, 65_535, Qos.AT_LEAST_ONCE, false, true, true, true, true);
        var qos2Will =
                new dev.tern.mqtt.codec.Will("w", BinaryData.EMPTY, MqttQos.EXACTLY_ONCE, false, MqttProperties.EMPTY);
        var retainedWill =
                new dev.tern.mqtt.codec.Will("w", BinaryData.EMPTY, MqttQos.AT_MOST_ONCE, true, MqttProperties.EMPTY);

        ChannelHarness first = new ChannelHarness(noQos2NoRetain);
        ChannelHarness second = new ChannelHarness(noQos2NoRetain);
        List<Action> qosRefused = first.in(Packets.withWill(Packets.connect(MqttVersion.V5, "c"), qos2Will));
        List<Action> retainRefused = second.in(Packets.withWill(Packets.connect(MqttVersion.V5, "c"), retainedWill));

        assertThat(((ConnAckPacket) Wire.packets(qosRefused).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.QOS_NOT_SUPPORTED);
        assertThat(((ConnAckPacket) Wire.packets(retainRefused).getFirst()).reasonCode())
                .isEqualTo(ReasonCode.RETAIN_NOT_SUPPORTED);
    }

    @Test
    void a_v5_client_asking_for_no_keep_alive_gets_the_maximum_as_server_keep_alive() {
        MqttSettings maxOneMinute =
                ChannelHarness.settings(1024, 64, 60, Qos.EXACTLY_ONCE, true, true, true, true, true);
        ChannelHarness harness = new ChannelHarness(maxOneMinute);

        List<Action> actions = harness.in(Packets.connect(MqttVersion.V5, "c", true, 0, MqttProperties.EMPTY));

        // [MQTT-3.2.2-21] Server Keep Alive (0x13) 60.
        assertThat(Wire.describe(actions))
                .contains(
                        "20 11 00 00 0e 13 00 3c " + Wire.V5_CONNACK_LIMITS,
                        "SetTimer[timer=KEEP_ALIVE, delayMillis=90000]");
    }

    @Test
    void a_v311_client_asking_for_a_longer_keep_alive_is_held_to_the_maximum_silently() {
        MqttSettings maxOneMinute =
                ChannelHarness.settings(1024, 64, 60, Qos.EXACTLY_ONCE, true, true, true, true, true);
        ChannelHarness harness = new ChannelHarness(maxOneMinute);

        List<Action> actions = harness.in(Packets.connect(MqttVersion.V3_1_1, "c", true, 600, MqttProperties.EMPTY));

        assertThat(Wire.describe(actions)).contains("20 02 00 00", "SetTimer[timer=KEEP_ALIVE, delayMillis=90000]");
    }

    @Test
    void connack_says_what_the_server_does_not_support() {
        MqttSettings limited =
                ChannelHarness.settings(10, 0, 65_535, Qos.AT_LEAST_ONCE, false, false, false, false, true);
        ChannelHarness harness = new ChannelHarness(limited);

        ConnAckPacket connAck =
                (ConnAckPacket) Wire.packets(harness.connect(MqttVersion.V5)).getFirst();

        MqttProperties properties = connAck.properties();
        assertThat(properties.receiveMaximum()).hasValue(10);
        assertThat(properties.topicAliasMaximum()).isEmpty();
        assertThat(properties.maximumQos()).hasValue(1);
        assertThat(properties.retainAvailable()).hasValue(0);
        assertThat(properties.wildcardSubscriptionAvailable()).hasValue(0);
        assertThat(properties.sharedSubscriptionAvailable()).hasValue(0);
        assertThat(properties.subscriptionIdentifierAvailable()).hasValue(0);
        assertThat(properties.serverKeepAlive()).isEmpty();
    }

    @Test
    void a_client_requesting_response_information_gets_its_own_response_prefix() {
        ChannelHarness harness = new ChannelHarness();

        ConnAckPacket connAck = (ConnAckPacket) Wire.packets(harness.in(Packets.connect(
                        MqttVersion.V5,
                        "client-1",
                        true,
                        60,
                        Packets.properties()
                                .put(PropertyId.REQUEST_RESPONSE_INFORMATION, 1)
                                .build())))
                .getFirst();

        assertThat(connAck.properties().responseInformation()).contains("response/client-1");
    }
}
