package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.assertFixture;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Byte fixtures for SUBSCRIBE (section 3.8, client to server) and SUBACK (3.9, server to client). */
@DisplayName("SUBSCRIBE / SUBACK fixtures")
class SubscribeFixtureTest {

    @Nested
    @DisplayName("MQTT 3.1")
    class V31 {
        @Test
        void subscribeOneFilter() {
            byte[] fixture = concat(
                    bytes(0x82), // SUBSCRIBE, flags 0b0010 (required) [MQTT-3.8.1-1]
                    bytes(0x08), // remaining length 8
                    bytes(0x00, 0x01), // packet identifier 1
                    bytes(0x00, 0x03, 'a', '/', '#'), // topic filter "a/#"
                    bytes(0x01) // requested QoS 1
                    );
            SubscribePacket expected = new SubscribePacket(
                    1,
                    List.of(new Subscription("a/#", SubscriptionOptions.of(MqttQos.AT_LEAST_ONCE))),
                    MqttProperties.EMPTY);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V3_1, fixture, expected);
        }

        @Test
        void subackGrantedQos1() {
            byte[] fixture = concat(
                    bytes(0x90), // SUBACK, flags 0
                    bytes(0x03), // remaining length 3
                    bytes(0x00, 0x01), // packet identifier 1
                    bytes(0x01) // granted QoS 1
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V3_1,
                    fixture,
                    new SubAckPacket(1, List.of(ReasonCode.GRANTED_QOS_1), MqttProperties.EMPTY));
        }
    }

    @Nested
    @DisplayName("MQTT 3.1.1")
    class V311 {
        @Test
        void subscribeTwoFilters() {
            byte[] fixture = concat(
                    bytes(0x82), // SUBSCRIBE, flags 0b0010
                    bytes(0x17), // remaining length 23
                    bytes(0x00, 0x02), // packet identifier 2
                    bytes(0x00, 0x0E), // topic filter length 14
                    bytes('s', 'e', 'n', 's', 'o', 'r', 's', '/', '+', '/', 't', 'e', 'm', 'p'), // "sensors/+/temp"
                    bytes(0x02), // requested QoS 2
                    bytes(0x00, 0x01, '#'), // topic filter "#"
                    bytes(0x00) // requested QoS 0
                    );
            SubscribePacket expected = new SubscribePacket(
                    2,
                    List.of(
                            new Subscription("sensors/+/temp", SubscriptionOptions.of(MqttQos.EXACTLY_ONCE)),
                            new Subscription("#", SubscriptionOptions.of(MqttQos.AT_MOST_ONCE))),
                    MqttProperties.EMPTY);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V3_1_1, fixture, expected);
        }

        @Test
        void subackWithFailure() {
            byte[] fixture = concat(
                    bytes(0x90), // SUBACK, flags 0
                    bytes(0x05), // remaining length 5
                    bytes(0x00, 0x02), // packet identifier 2
                    bytes(0x02), // return code: granted QoS 2
                    bytes(0x00), // return code: granted QoS 0
                    bytes(0x80) // return code: failure
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V3_1_1,
                    fixture,
                    new SubAckPacket(
                            2,
                            List.of(ReasonCode.GRANTED_QOS_2, ReasonCode.SUCCESS, ReasonCode.UNSPECIFIED_ERROR),
                            MqttProperties.EMPTY));
        }
    }

    @Nested
    @DisplayName("MQTT 5.0")
    class V5 {
        @Test
        void subscribeWithOptionsAndSubscriptionIdentifier() {
            byte[] fixture = concat(
                    bytes(0x82), // SUBSCRIBE, flags 0b0010
                    bytes(0x26), // remaining length 38
                    bytes(0x00, 0x0A), // packet identifier 10
                    bytes(0x0A), // property length 10
                    bytes(0x0B, 0xC8, 0x01), // subscription identifier 200 (variable byte integer C8 01)
                    bytes(0x26, 0x00, 0x01, 'p', 0x00, 0x01, 'q'), // user property "p" = "q"
                    bytes(0x00, 0x03, 'a', '/', '+'), // topic filter "a/+"
                    bytes(0x2D), // options: retain handling 2, retain as published, no local, max QoS 1
                    bytes(0x00, 0x0C, '$', 's', 'h', 'a', 'r', 'e', '/', 'g', '/', 'b', '/', '#'), // "$share/g/b/#"
                    bytes(0x12), // options: retain handling 1, max QoS 2
                    bytes(0x00, 0x01, 'c'), // topic filter "c"
                    bytes(0x00) // options: all defaults, max QoS 0
                    );
            MqttProperties properties = MqttProperties.builder()
                    .addSubscriptionIdentifier(200)
                    .addUserProperty("p", "q")
                    .build();
            SubscribePacket expected = new SubscribePacket(
                    10,
                    List.of(
                            new Subscription(
                                    "a/+",
                                    new SubscriptionOptions(
                                            MqttQos.AT_LEAST_ONCE, true, true, RetainHandling.DO_NOT_SEND)),
                            new Subscription(
                                    "$share/g/b/#",
                                    new SubscriptionOptions(
                                            MqttQos.EXACTLY_ONCE,
                                            false,
                                            false,
                                            RetainHandling.SEND_IF_NEW_SUBSCRIPTION)),
                            new Subscription("c", SubscriptionOptions.of(MqttQos.AT_MOST_ONCE))),
                    properties);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V5, fixture, expected);
        }

        @Test
        void minimalSuback() {
            byte[] fixture = concat(
                    bytes(0x90), // SUBACK, flags 0
                    bytes(0x04), // remaining length 4
                    bytes(0x00, 0x0B), // packet identifier 11
                    bytes(0x00), // property length 0
                    bytes(0x01) // reason code 0x01 granted QoS 1
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new SubAckPacket(11, List.of(ReasonCode.GRANTED_QOS_1), MqttProperties.EMPTY));
        }

        @Test
        void subackWithEverySubackReasonCode() {
            byte[] fixture = concat(
                    bytes(0x90), // SUBACK, flags 0
                    bytes(0x13), // remaining length 19
                    bytes(0x00, 0x0A), // packet identifier 10
                    bytes(0x04), // property length 4
                    bytes(0x1F, 0x00, 0x01, 'x'), // reason string "x"
                    bytes(0x00), // granted QoS 0
                    bytes(0x01), // granted QoS 1
                    bytes(0x02), // granted QoS 2
                    bytes(0x80), // unspecified error
                    bytes(0x83), // implementation specific error
                    bytes(0x87), // not authorized
                    bytes(0x8F), // topic filter invalid
                    bytes(0x91), // packet identifier in use
                    bytes(0x97), // quota exceeded
                    bytes(0x9E), // shared subscriptions not supported
                    bytes(0xA1), // subscription identifiers not supported
                    bytes(0xA2) // wildcard subscriptions not supported
                    );
            MqttProperties properties =
                    MqttProperties.builder().put(PropertyId.REASON_STRING, "x").build();
            SubAckPacket expected = new SubAckPacket(
                    10,
                    List.of(
                            ReasonCode.SUCCESS,
                            ReasonCode.GRANTED_QOS_1,
                            ReasonCode.GRANTED_QOS_2,
                            ReasonCode.UNSPECIFIED_ERROR,
                            ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
                            ReasonCode.NOT_AUTHORIZED,
                            ReasonCode.TOPIC_FILTER_INVALID,
                            ReasonCode.PACKET_IDENTIFIER_IN_USE,
                            ReasonCode.QUOTA_EXCEEDED,
                            ReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED,
                            ReasonCode.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED,
                            ReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED),
                    properties);
            assertFixture(Direction.SERVER_TO_CLIENT, MqttVersion.V5, fixture, expected);
        }
    }
}
