package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.connect;
import static dev.tern.it.conformance.Packets.publish;
import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.it.conformance.Packets.will;
import static dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.AT_MOST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.EXACTLY_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.Will;
import dev.tern.testkit.EmbeddedBroker;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Section 3.2.2.3 (CONNACK properties) with every optional feature switched off: what the server advertises, and how it
 * answers a client that uses a feature anyway. The default broker supports all of them (see
 * {@link ConnectConformanceIT#mqtt5ConnAckAdvertisesTheLimits}).
 */
@DisplayName("3.2.2.3 CONNACK capabilities: Maximum QoS, Retain, Wildcard, Shared and Subscription Identifiers off")
class CapabilitiesConformanceIT {
    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of(
                "sys.interval", "0",
                "mqtt.maximum_qos", "1",
                "mqtt.retain_available", "false",
                "mqtt.wildcard_subscriptions_available", "false",
                "mqtt.shared_subscriptions_available", "false",
                "mqtt.subscription_identifiers_available", "false"));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static ConnAckPacket refusedWill(Will will) {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(V5, unique("cap-w-"), true, 60, MqttProperties.EMPTY, Optional.of(will)));
            ConnAckPacket connAck = client.receive(ConnAckPacket.class);
            assertThat(connAck.sessionPresent()).isFalse();
            assertThat(client.awaitCloseHex()).isEmpty();
            return connAck;
        }
    }

    @Test
    @Tag("MQTT-3.2.2-9")
    @DisplayName(
            "5.0: CONNACK says Maximum QoS 1, Retain Available 0, and no wildcard, shared or identifier subscriptions")
    void connAckAdvertisesWhatIsNotSupported() {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(V5, unique("cap-c-")));
            MqttProperties properties = client.receive(ConnAckPacket.class).properties();
            assertThat(properties.maximumQos()).hasValue(1);
            assertThat(properties.retainAvailable()).hasValue(0);
            assertThat(properties.wildcardSubscriptionAvailable()).hasValue(0);
            assertThat(properties.sharedSubscriptionAvailable()).hasValue(0);
            assertThat(properties.subscriptionIdentifierAvailable()).hasValue(0);
        }
    }

    @Test
    @Tag("MQTT-3.2.2-10")
    @DisplayName("5.0: a SUBSCRIBE asking for QoS 2 is still accepted, and granted QoS 1: 90 04 00 01 00 01")
    void subscribeForQos2IsGrantedQos1() {
        try (Wire client = Wire.connect(port, V5, unique("cap-s-"))) {
            client.send(subscribe(1, unique("cap-q2/"), EXACTLY_ONCE));
            assertThat(client.receiveHex()).isEqualTo("900400010001");
        }
    }

    @Test
    @Tag("MQTT-3.2.2-11")
    @DisplayName("5.0: a PUBLISH above Maximum QoS 1 is answered with DISCONNECT 0x9B (3.2.2.3.4)")
    void publishAboveMaximumQos() {
        try (Wire client = Wire.connect(port, V5, unique("cap-p-"))) {
            client.send(publish(unique("cap-p2/"), EXACTLY_ONCE, 1, "x"));
            client.expectDisconnect(0x9B);
        }
    }

    @Test
    @Tag("MQTT-3.2.2-12")
    @DisplayName("5.0: a will at QoS 2 above Maximum QoS 1 is refused with CONNACK 0x9B and the close")
    void willAboveMaximumQos() {
        assertThat(refusedWill(will(unique("cap-w/"), "w", EXACTLY_ONCE, false)).reasonCode())
                .isEqualTo(ReasonCode.QOS_NOT_SUPPORTED);
    }

    @Test
    @Tag("MQTT-3.2.2-13")
    @DisplayName("5.0: a will with Will Retain 1 while retain is unavailable is refused with CONNACK 0x9A")
    void retainedWillWithoutRetainSupport() {
        assertThat(refusedWill(will(unique("cap-w/"), "w", AT_LEAST_ONCE, true)).reasonCode())
                .isEqualTo(ReasonCode.RETAIN_NOT_SUPPORTED);
    }

    @Test
    @Tag("MQTT-3.2.2-14")
    @DisplayName("5.0: a PUBLISH with RETAIN 1 while Retain Available is 0 is answered with DISCONNECT 0x9A")
    void retainedPublishWithoutRetainSupport() {
        try (Wire client = Wire.connect(port, V5, unique("cap-r-"))) {
            client.send(Packets.retained(unique("cap-r/"), AT_MOST_ONCE, 0, "x"));
            client.expectDisconnect(0x9A);
        }
    }

    @Test
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: a wildcard subscription when Wildcard Subscription Available is 0: DISCONNECT 0xA2")
    void wildcardSubscription5() {
        try (Wire client = Wire.connect(port, V5, unique("cap-wc-"))) {
            client.send(subscribe(1, unique("cap-wc") + "/#", AT_MOST_ONCE));
            client.expectDisconnect(0xA2);
        }
    }

    @Test
    @Tag("MQTT-3.8.3-2")
    @DisplayName("3.1.1: a server that does not support wildcards rejects such a filter: SUBACK 90 04 00 01 80 00")
    void wildcardSubscription311() {
        String root = unique("cap-wc3");
        try (Wire client = Wire.connect(port, V3_1_1, unique("cap-wc3-"))) {
            client.send(new dev.tern.mqtt.codec.SubscribePacket(
                    1,
                    java.util.List.of(
                            new dev.tern.mqtt.codec.Subscription(
                                    root + "/+", dev.tern.mqtt.codec.SubscriptionOptions.of(AT_MOST_ONCE)),
                            new dev.tern.mqtt.codec.Subscription(
                                    root + "/x", dev.tern.mqtt.codec.SubscriptionOptions.of(AT_MOST_ONCE))),
                    MqttProperties.EMPTY));
            assertThat(client.receiveHex()).isEqualTo("900400018000");
        }
    }

    @Test
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: a shared subscription when Shared Subscription Available is 0: DISCONNECT 0x9E")
    void sharedSubscription5() {
        try (Wire client = Wire.connect(port, V5, unique("cap-sh-"))) {
            client.send(subscribe(1, "$share/g/" + unique("cap-sh"), AT_MOST_ONCE));
            client.expectDisconnect(0x9E);
        }
    }

    @Test
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: a Subscription Identifier when they are not available: DISCONNECT 0xA1")
    void subscriptionIdentifier5() {
        try (Wire client = Wire.connect(port, V5, unique("cap-id-"))) {
            client.send(subscribe(1, unique("cap-id/"), AT_MOST_ONCE, 7));
            client.expectDisconnect(0xA1);
        }
    }

    @Test
    @Tag("MQTT-3.2.2-10")
    @DisplayName("5.0: messages are delivered at no more than Maximum QoS 1")
    void deliveriesStayWithinTheMaximumQos() {
        String topic = unique("cap-d/");
        try (Wire subscriber = Wire.connect(port, V5, unique("cap-ds-"));
                Wire publisher = Wire.connect(port, V5, unique("cap-dp-"))) {
            subscriber.send(subscribe(1, topic, EXACTLY_ONCE));
            subscriber.receive();
            publisher.send(publish(topic, AT_LEAST_ONCE, 1, "m"));
            assertThat(publisher.receiveHex()).isEqualTo("40020001");
            assertThat(subscriber.receive(PublishPacket.class).qos()).isEqualTo(AT_LEAST_ONCE);
        }
    }
}
