package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.assertFixture;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Byte fixtures for UNSUBSCRIBE (section 3.10, client to server) and UNSUBACK (3.11, server to client). */
@DisplayName("UNSUBSCRIBE / UNSUBACK fixtures")
class UnsubscribeFixtureTest {

    @Nested
    @DisplayName("MQTT 3.1 and 3.1.1")
    class V3 {
        @Test
        void unsubscribeOneFilterIn31() {
            byte[] fixture = concat(
                    bytes(0xA2), // UNSUBSCRIBE, flags 0b0010 (required) [MQTT-3.10.1-1]
                    bytes(0x07), // remaining length 7
                    bytes(0x00, 0x01), // packet identifier 1
                    bytes(0x00, 0x03, 'a', '/', 'b') // topic filter "a/b"
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V3_1,
                    fixture,
                    new UnsubscribePacket(1, List.of("a/b"), MqttProperties.EMPTY));
        }

        @Test
        void unsubscribeTwoFiltersIn311() {
            byte[] fixture = concat(
                    bytes(0xA2), // UNSUBSCRIBE, flags 0b0010
                    bytes(0x0A), // remaining length 10
                    bytes(0x00, 0x02), // packet identifier 2
                    bytes(0x00, 0x03, 'a', '/', '+'), // topic filter "a/+"
                    bytes(0x00, 0x01, '#') // topic filter "#"
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V3_1_1,
                    fixture,
                    new UnsubscribePacket(2, List.of("a/+", "#"), MqttProperties.EMPTY));
        }

        @ParameterizedTest
        @EnumSource(
                value = MqttVersion.class,
                names = {"V3_1", "V3_1_1"})
        void unsuback(MqttVersion version) {
            byte[] fixture = concat(
                    bytes(0xB0), // UNSUBACK, flags 0
                    bytes(0x02), // remaining length 2 (no reason codes before 5.0)
                    bytes(0x00, 0x01) // packet identifier 1
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    version,
                    fixture,
                    new UnsubAckPacket(1, List.of(), MqttProperties.EMPTY));
        }
    }

    @Nested
    @DisplayName("MQTT 5.0")
    class V5 {
        @Test
        void unsubscribeWithUserPropertyAndSharedFilter() {
            byte[] fixture = concat(
                    bytes(0xA2), // UNSUBSCRIBE, flags 0b0010
                    bytes(0x1B), // remaining length 27
                    bytes(0x00, 0x03), // packet identifier 3
                    bytes(0x07), // property length 7
                    bytes(0x26, 0x00, 0x01, 'k', 0x00, 0x01, 'v'), // user property "k" = "v"
                    bytes(0x00, 0x03, 'a', '/', '+'), // topic filter "a/+"
                    bytes(0x00, 0x0A, '$', 's', 'h', 'a', 'r', 'e', '/', 'g', '/', 'x') // topic filter "$share/g/x"
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    new UnsubscribePacket(
                            3,
                            List.of("a/+", "$share/g/x"),
                            MqttProperties.builder().addUserProperty("k", "v").build()));
        }

        @Test
        void unsubackWithEveryUnsubackReasonCode() {
            byte[] fixture = concat(
                    bytes(0xB0), // UNSUBACK, flags 0
                    bytes(0x0A), // remaining length 10
                    bytes(0x00, 0x03), // packet identifier 3
                    bytes(0x00), // property length 0
                    bytes(0x00), // success
                    bytes(0x11), // no subscription existed
                    bytes(0x80), // unspecified error
                    bytes(0x83), // implementation specific error
                    bytes(0x87), // not authorized
                    bytes(0x8F), // topic filter invalid
                    bytes(0x91) // packet identifier in use
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new UnsubAckPacket(
                            3,
                            List.of(
                                    ReasonCode.SUCCESS,
                                    ReasonCode.NO_SUBSCRIPTION_EXISTED,
                                    ReasonCode.UNSPECIFIED_ERROR,
                                    ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
                                    ReasonCode.NOT_AUTHORIZED,
                                    ReasonCode.TOPIC_FILTER_INVALID,
                                    ReasonCode.PACKET_IDENTIFIER_IN_USE),
                            MqttProperties.EMPTY));
        }

        @Test
        void unsubackWithReasonString() {
            byte[] fixture = concat(
                    bytes(0xB0), // UNSUBACK, flags 0
                    bytes(0x09), // remaining length 9
                    bytes(0x00, 0x04), // packet identifier 4
                    bytes(0x05), // property length 5
                    bytes(0x1F, 0x00, 0x02, 'n', 'o'), // reason string "no"
                    bytes(0x11) // no subscription existed
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new UnsubAckPacket(
                            4,
                            List.of(ReasonCode.NO_SUBSCRIPTION_EXISTED),
                            MqttProperties.builder()
                                    .put(PropertyId.REASON_STRING, "no")
                                    .build()));
        }
    }
}
