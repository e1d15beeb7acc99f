package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.assertFixture;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte fixtures for CONNACK (section 3.2), server to client. */
@DisplayName("CONNACK fixtures")
class ConnAckFixtureTest {

    @Nested
    @DisplayName("MQTT 3.1")
    class V31 {
        @Test
        void connectionAccepted() {
            byte[] fixture = concat(
                    bytes(0x20), // CONNACK, flags 0
                    bytes(0x02), // remaining length 2
                    bytes(0x00), // reserved byte (3.1 has no Session Present flag)
                    bytes(0x00) // return code 0: connection accepted
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V3_1,
                    fixture,
                    new ConnAckPacket(false, ReasonCode.SUCCESS, MqttProperties.EMPTY));
        }

        @Test
        void connectionRefusedNotAuthorized() {
            byte[] fixture = concat(
                    bytes(0x20), // CONNACK, flags 0
                    bytes(0x02), // remaining length 2
                    bytes(0x00), // reserved byte
                    bytes(0x05) // return code 5: not authorized
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V3_1,
                    fixture,
                    new ConnAckPacket(false, ReasonCode.NOT_AUTHORIZED, MqttProperties.EMPTY));
        }
    }

    @Nested
    @DisplayName("MQTT 3.1.1")
    class V311 {
        @Test
        void acceptedWithSessionPresent() {
            byte[] fixture = concat(
                    bytes(0x20), // CONNACK, flags 0
                    bytes(0x02), // remaining length 2
                    bytes(0x01), // connect acknowledge flags: session present
                    bytes(0x00) // return code 0: connection accepted
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V3_1_1,
                    fixture,
                    new ConnAckPacket(true, ReasonCode.SUCCESS, MqttProperties.EMPTY));
        }

        @ParameterizedTest(name = "return code {0} is {1}")
        @CsvSource({
            "1, UNSUPPORTED_PROTOCOL_VERSION",
            "2, CLIENT_IDENTIFIER_NOT_VALID",
            "3, SERVER_UNAVAILABLE",
            "4, BAD_USER_NAME_OR_PASSWORD",
            "5, NOT_AUTHORIZED"
        })
        void everyRefusalReturnCode(int returnCode, ReasonCode reasonCode) {
            byte[] fixture = concat(
                    bytes(0x20), // CONNACK, flags 0
                    bytes(0x02), // remaining length 2
                    bytes(0x00), // connect acknowledge flags: no session
                    bytes(returnCode) // return code 1..5: refused
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V3_1_1,
                    fixture,
                    new ConnAckPacket(false, reasonCode, MqttProperties.EMPTY));
        }
    }

    @Nested
    @DisplayName("MQTT 5.0")
    class V5 {
        @Test
        void minimalSuccess() {
            byte[] fixture = concat(
                    bytes(0x20), // CONNACK, flags 0
                    bytes(0x03), // remaining length 3
                    bytes(0x00), // connect acknowledge flags: no session
                    bytes(0x00), // reason code 0x00 success
                    bytes(0x00) // property length 0
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new ConnAckPacket(false, ReasonCode.SUCCESS, MqttProperties.EMPTY));
        }

        @Test
        void successWithEveryServerCapabilityProperty() {
            byte[] fixture = concat(
                    bytes(0x20), // CONNACK, flags 0
                    bytes(0x30), // remaining length 48
                    bytes(0x01), // connect acknowledge flags: session present
                    bytes(0x00), // reason code 0x00 success
                    bytes(0x2D), // property length 45
                    bytes(0x11, 0x00, 0x00, 0x00, 0x3C), // session expiry interval 60 s
                    bytes(0x12, 0x00, 0x06, 'a', 'u', 't', 'o', '-', '1'), // assigned client identifier "auto-1"
                    bytes(0x13, 0x00, 0x1E), // server keep alive 30 s
                    bytes(0x1A, 0x00, 0x04, 'r', 'e', 's', 'p'), // response information "resp"
                    bytes(0x21, 0x00, 0x14), // receive maximum 20
                    bytes(0x22, 0x00, 0x05), // topic alias maximum 5
                    bytes(0x24, 0x01), // maximum QoS 1
                    bytes(0x25, 0x00), // retain available 0
                    bytes(0x27, 0x00, 0x10, 0x00, 0x00), // maximum packet size 1048576
                    bytes(0x28, 0x01), // wildcard subscription available 1
                    bytes(0x29, 0x01), // subscription identifiers available 1
                    bytes(0x2A, 0x00) // shared subscription available 0
                    );
            MqttProperties properties = MqttProperties.builder()
                    .put(PropertyId.SESSION_EXPIRY_INTERVAL, 60)
                    .put(PropertyId.ASSIGNED_CLIENT_IDENTIFIER, "auto-1")
                    .put(PropertyId.SERVER_KEEP_ALIVE, 30)
                    .put(PropertyId.RESPONSE_INFORMATION, "resp")
                    .put(PropertyId.RECEIVE_MAXIMUM, 20)
                    .put(PropertyId.TOPIC_ALIAS_MAXIMUM, 5)
                    .put(PropertyId.MAXIMUM_QOS, 1)
                    .put(PropertyId.RETAIN_AVAILABLE, 0)
                    .put(PropertyId.MAXIMUM_PACKET_SIZE, 1_048_576)
                    .put(PropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE, 1)
                    .put(PropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE, 1)
                    .put(PropertyId.SHARED_SUBSCRIPTION_AVAILABLE, 0)
                    .build();
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new ConnAckPacket(true, ReasonCode.SUCCESS, properties));
        }

        @Test
        void refusedWithReasonStringAndServerReference() {
            byte[] fixture = concat(
                    bytes(0x20), // CONNACK, flags 0
                    bytes(0x0E), // remaining length 14
                    bytes(0x00), // connect acknowledge flags: no session (MUST be 0 on refusal) [MQTT-3.2.2-6]
                    bytes(0x9C), // reason code 0x9C use another server
                    bytes(0x0B), // property length 11
                    bytes(0x1C, 0x00, 0x03, 'h', ':', '1'), // server reference "h:1"
                    bytes(0x1F, 0x00, 0x02, 'g', 'o') // reason string "go"
                    );
            MqttProperties properties = MqttProperties.builder()
                    .put(PropertyId.SERVER_REFERENCE, "h:1")
                    .put(PropertyId.REASON_STRING, "go")
                    .build();
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new ConnAckPacket(false, ReasonCode.USE_ANOTHER_SERVER, properties));
        }

        @Test
        void enhancedAuthenticationSuccess() {
            byte[] fixture = concat(
                    bytes(0x20), // CONNACK, flags 0
                    bytes(0x0E), // remaining length 14
                    bytes(0x00), // connect acknowledge flags: no session
                    bytes(0x00), // reason code 0x00 success
                    bytes(0x0B), // property length 11
                    bytes(0x15, 0x00, 0x04, 'S', 'C', 'R', 'M'), // authentication method "SCRM"
                    bytes(0x16, 0x00, 0x01, 0x7F) // authentication data 7F
                    );
            MqttProperties properties = MqttProperties.builder()
                    .put(PropertyId.AUTHENTICATION_METHOD, "SCRM")
                    .put(PropertyId.AUTHENTICATION_DATA, new BinaryData(bytes(0x7F)))
                    .build();
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new ConnAckPacket(false, ReasonCode.SUCCESS, properties));
        }
    }
}
