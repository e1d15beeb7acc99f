package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.assertFixture;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Byte fixtures for DISCONNECT (section 3.14): client to server in 3.x, both ways in 5.0. */
@DisplayName("DISCONNECT fixtures")
class DisconnectFixtureTest {

    @Nested
    @DisplayName("MQTT 3.1 and 3.1.1")
    class V3 {
        @ParameterizedTest
        @EnumSource(
                value = MqttVersion.class,
                names = {"V3_1", "V3_1_1"})
        void clientDisconnect(MqttVersion version) {
            byte[] fixture = concat(
                    bytes(0xE0), // DISCONNECT, flags 0
                    bytes(0x00) // remaining length 0 (no variable header before 5.0)
                    );
            assertFixture(Direction.CLIENT_TO_SERVER, version, fixture, DisconnectPacket.NORMAL);
        }
    }

    @Nested
    @DisplayName("MQTT 5.0")
    class V5 {
        @Test
        void normalDisconnectFromClientShortForm() {
            byte[] fixture = concat(
                    bytes(0xE0), // DISCONNECT, flags 0
                    bytes(0x00) // remaining length 0: reason code 0x00 normal disconnection implied
                    );
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V5, fixture, DisconnectPacket.NORMAL);
        }

        @Test
        void normalDisconnectFromServerShortForm() {
            byte[] fixture = concat(
                    bytes(0xE0), // DISCONNECT, flags 0
                    bytes(0x00) // remaining length 0: reason code 0x00 normal disconnection implied
                    );
            assertFixture(Direction.SERVER_TO_CLIENT, MqttVersion.V5, fixture, DisconnectPacket.NORMAL);
        }

        @Test
        void clientDisconnectWithWillMessage() {
            byte[] fixture = concat(
                    bytes(0xE0), // DISCONNECT, flags 0
                    bytes(0x01), // remaining length 1: no property length, properties empty
                    bytes(0x04) // reason code 0x04 disconnect with will message
                    );
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    new DisconnectPacket(ReasonCode.DISCONNECT_WITH_WILL_MESSAGE, MqttProperties.EMPTY));
        }

        @Test
        void clientDisconnectWithProperties() {
            byte[] fixture = concat(
                    bytes(0xE0), // DISCONNECT, flags 0
                    bytes(0x14), // remaining length 20
                    bytes(0x00), // reason code 0x00 normal disconnection (written because properties follow)
                    bytes(0x12), // property length 18
                    bytes(0x11, 0x00, 0x00, 0x00, 0x78), // session expiry interval 120 s (a client may send it)
                    bytes(0x1F, 0x00, 0x03, 'b', 'y', 'e'), // reason string "bye"
                    bytes(0x26, 0x00, 0x01, 'k', 0x00, 0x01, 'v') // user property "k" = "v"
                    );
            MqttProperties properties = MqttProperties.builder()
                    .put(PropertyId.SESSION_EXPIRY_INTERVAL, 120)
                    .put(PropertyId.REASON_STRING, "bye")
                    .addUserProperty("k", "v")
                    .build();
            assertFixture(
                    Direction.CLIENT_TO_SERVER,
                    MqttVersion.V5,
                    fixture,
                    new DisconnectPacket(ReasonCode.SUCCESS, properties));
        }

        @Test
        void serverDisconnectShuttingDown() {
            byte[] fixture = concat(
                    bytes(0xE0), // DISCONNECT, flags 0
                    bytes(0x01), // remaining length 1
                    bytes(0x8B) // reason code 0x8B server shutting down
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new DisconnectPacket(ReasonCode.SERVER_SHUTTING_DOWN, MqttProperties.EMPTY));
        }

        @Test
        void serverDisconnectWithServerReference() {
            byte[] fixture = concat(
                    bytes(0xE0), // DISCONNECT, flags 0
                    bytes(0x0F), // remaining length 15
                    bytes(0x9C), // reason code 0x9C use another server
                    bytes(0x0D), // property length 13
                    bytes(0x1C), // property: server reference
                    bytes(0x00, 0x0A, 'o', 't', 'h', 'e', 'r', ':', '1', '8', '8', '3') // value "other:1883"
                    );
            assertFixture(
                    Direction.SERVER_TO_CLIENT,
                    MqttVersion.V5,
                    fixture,
                    new DisconnectPacket(
                            ReasonCode.USE_ANOTHER_SERVER,
                            MqttProperties.builder()
                                    .put(PropertyId.SERVER_REFERENCE, "other:1883")
                                    .build()));
        }
    }
}
