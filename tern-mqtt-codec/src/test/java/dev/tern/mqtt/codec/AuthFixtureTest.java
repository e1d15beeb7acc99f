package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.assertFixture;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Byte fixtures for AUTH (section 3.15, MQTT 5.0 only), both directions. */
@DisplayName("AUTH fixtures (5.0)")
class AuthFixtureTest {

    @Test
    void continueAuthenticationFromClient() {
        byte[] fixture = concat(
                bytes(0xF0), // AUTH, flags 0
                bytes(0x16), // remaining length 22
                bytes(0x18), // reason code 0x18 continue authentication
                bytes(0x14), // property length 20
                bytes(0x15, 0x00, 0x0B, 'S', 'C', 'R', 'A', 'M', '-', 'S', 'H', 'A', '-', '1'), // method "SCRAM-SHA-1"
                bytes(0x16, 0x00, 0x03, 0x01, 0x02, 0x03) // authentication data 01 02 03
                );
        MqttProperties properties = MqttProperties.builder()
                .put(PropertyId.AUTHENTICATION_METHOD, "SCRAM-SHA-1")
                .put(PropertyId.AUTHENTICATION_DATA, new BinaryData(bytes(1, 2, 3)))
                .build();
        assertFixture(
                Direction.CLIENT_TO_SERVER,
                MqttVersion.V5,
                fixture,
                new AuthPacket(ReasonCode.CONTINUE_AUTHENTICATION, properties));
    }

    @Test
    void successFromServerWithReasonString() {
        byte[] fixture = concat(
                bytes(0xF0), // AUTH, flags 0
                bytes(0x17), // remaining length 23
                bytes(0x00), // reason code 0x00 success
                bytes(0x15), // property length 21
                bytes(0x15, 0x00, 0x0B, 'S', 'C', 'R', 'A', 'M', '-', 'S', 'H', 'A', '-', '1'), // method "SCRAM-SHA-1"
                bytes(0x1F, 0x00, 0x04, 'd', 'o', 'n', 'e') // reason string "done"
                );
        MqttProperties properties = MqttProperties.builder()
                .put(PropertyId.AUTHENTICATION_METHOD, "SCRAM-SHA-1")
                .put(PropertyId.REASON_STRING, "done")
                .build();
        assertFixture(
                Direction.SERVER_TO_CLIENT, MqttVersion.V5, fixture, new AuthPacket(ReasonCode.SUCCESS, properties));
    }

    @Test
    void reAuthenticateFromClient() {
        byte[] fixture = concat(
                bytes(0xF0), // AUTH, flags 0
                bytes(0x0A), // remaining length 10
                bytes(0x19), // reason code 0x19 re-authenticate
                bytes(0x08), // property length 8
                bytes(0x15, 0x00, 0x05, 'P', 'L', 'A', 'I', 'N') // authentication method "PLAIN"
                );
        assertFixture(
                Direction.CLIENT_TO_SERVER,
                MqttVersion.V5,
                fixture,
                new AuthPacket(
                        ReasonCode.RE_AUTHENTICATE,
                        MqttProperties.builder()
                                .put(PropertyId.AUTHENTICATION_METHOD, "PLAIN")
                                .build()));
    }

    @Test
    void shortFormImpliesSuccessWithoutProperties() {
        byte[] fixture = concat(
                bytes(0xF0), // AUTH, flags 0
                bytes(0x00) // remaining length 0: reason code 0x00 and no properties implied (3.15.2.1)
                );
        assertFixture(
                Direction.SERVER_TO_CLIENT,
                MqttVersion.V5,
                fixture,
                new AuthPacket(ReasonCode.SUCCESS, MqttProperties.EMPTY));
    }
}
