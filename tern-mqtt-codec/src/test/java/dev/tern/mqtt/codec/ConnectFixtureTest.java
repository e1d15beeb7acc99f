package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.assertFixture;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Byte fixtures for CONNECT (3.1 section 3.1, 3.1.1 section 3.1, 5.0 section 3.1), client to server. */
@DisplayName("CONNECT fixtures")
class ConnectFixtureTest {

    private static BinaryData binary(int... values) {
        return new BinaryData(bytes(values));
    }

    @Nested
    @DisplayName("MQTT 3.1")
    class V31 {
        @Test
        void minimalConnect() {
            byte[] fixture = concat(
                    bytes(0x10), // CONNECT, flags 0
                    bytes(0x10), // remaining length 16
                    bytes(0x00, 0x06, 'M', 'Q', 'I', 's', 'd', 'p'), // protocol name "MQIsdp"
                    bytes(0x03), // protocol level 3 (3.1)
                    bytes(0x02), // connect flags: clean session
                    bytes(0x00, 0x3C), // keep alive 60 s
                    bytes(0x00, 0x02, 'c', '1') // client id "c1"
                    );
            ConnectPacket expected = new ConnectPacket(
                    MqttVersion.V3_1,
                    "c1",
                    true,
                    60,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    MqttProperties.EMPTY);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V3_1, fixture, expected);
        }

        @Test
        void connectWithWillUsernameAndPassword() {
            byte[] fixture = concat(
                    bytes(0x10), // CONNECT, flags 0
                    bytes(0x25), // remaining length 37
                    bytes(0x00, 0x06, 'M', 'Q', 'I', 's', 'd', 'p'), // protocol name "MQIsdp"
                    bytes(0x03), // protocol level 3 (3.1)
                    bytes(0xEE), // flags: user name, password, will retain, will QoS 1, will, clean session
                    bytes(0x00, 0x0A), // keep alive 10 s
                    bytes(0x00, 0x02, 'c', '1'), // client id "c1"
                    bytes(0x00, 0x04, 'w', '/', 't', '1'), // will topic "w/t1"
                    bytes(0x00, 0x03, 'b', 'y', 'e'), // will message "bye"
                    bytes(0x00, 0x04, 'u', 's', 'e', 'r'), // user name "user"
                    bytes(0x00, 0x02, 'p', 'w') // password "pw"
                    );
            ConnectPacket expected = new ConnectPacket(
                    MqttVersion.V3_1,
                    "c1",
                    true,
                    10,
                    Optional.of(
                            new Will("w/t1", binary('b', 'y', 'e'), MqttQos.AT_LEAST_ONCE, true, MqttProperties.EMPTY)),
                    Optional.of("user"),
                    Optional.of(binary('p', 'w')),
                    MqttProperties.EMPTY);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V3_1, fixture, expected);
        }
    }

    @Nested
    @DisplayName("MQTT 3.1.1")
    class V311 {
        @Test
        void minimalConnect() {
            byte[] fixture = concat(
                    bytes(0x10), // CONNECT, flags 0
                    bytes(0x0E), // remaining length 14
                    bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                    bytes(0x04), // protocol level 4 (3.1.1)
                    bytes(0x02), // connect flags: clean session
                    bytes(0x00, 0x3C), // keep alive 60 s
                    bytes(0x00, 0x02, 'c', '1') // client id "c1"
                    );
            ConnectPacket expected = new ConnectPacket(
                    MqttVersion.V3_1_1,
                    "c1",
                    true,
                    60,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    MqttProperties.EMPTY);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V3_1_1, fixture, expected);
        }

        @Test
        void emptyClientIdWithCleanSessionAndKeepAliveZero() {
            byte[] fixture = concat(
                    bytes(0x10), // CONNECT, flags 0
                    bytes(0x0C), // remaining length 12
                    bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                    bytes(0x04), // protocol level 4 (3.1.1)
                    bytes(0x02), // connect flags: clean session
                    bytes(0x00, 0x00), // keep alive 0 (off)
                    bytes(0x00, 0x00) // client id "" (the server assigns one) [MQTT-3.1.3-6]
                    );
            ConnectPacket expected = new ConnectPacket(
                    MqttVersion.V3_1_1,
                    "",
                    true,
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    MqttProperties.EMPTY);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V3_1_1, fixture, expected);
        }

        @Test
        void connectWithWillUsernameAndPassword() {
            byte[] fixture = concat(
                    bytes(0x10), // CONNECT, flags 0
                    bytes(0x30), // remaining length 48
                    bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                    bytes(0x04), // protocol level 4 (3.1.1)
                    bytes(0xD4), // flags: user name, password, will QoS 2, will; clean session 0
                    bytes(0x01, 0x2C), // keep alive 300 s
                    bytes(0x00, 0x03, 'd', 'e', 'v'), // client id "dev"
                    bytes(0x00, 0x0A, 's', 't', 'a', 't', 'u', 's', '/', 'd', 'e', 'v'), // will topic "status/dev"
                    bytes(0x00, 0x07, 'o', 'f', 'f', 'l', 'i', 'n', 'e'), // will message "offline"
                    bytes(0x00, 0x05, 'a', 'l', 'i', 'c', 'e'), // user name "alice"
                    bytes(0x00, 0x03, 0x01, 0x02, 0x03) // password: 3 binary bytes
                    );
            ConnectPacket expected = new ConnectPacket(
                    MqttVersion.V3_1_1,
                    "dev",
                    false,
                    300,
                    Optional.of(new Will(
                            "status/dev",
                            binary('o', 'f', 'f', 'l', 'i', 'n', 'e'),
                            MqttQos.EXACTLY_ONCE,
                            false,
                            MqttProperties.EMPTY)),
                    Optional.of("alice"),
                    Optional.of(binary(0x01, 0x02, 0x03)),
                    MqttProperties.EMPTY);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V3_1_1, fixture, expected);
        }

        @Test
        void connectWithUsernameOnly() {
            byte[] fixture = concat(
                    bytes(0x10), // CONNECT, flags 0
                    bytes(0x13), // remaining length 19
                    bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                    bytes(0x04), // protocol level 4 (3.1.1)
                    bytes(0x82), // flags: user name, clean session
                    bytes(0x00, 0x3C), // keep alive 60 s
                    bytes(0x00, 0x02, 'c', '1'), // client id "c1"
                    bytes(0x00, 0x03, 'b', 'o', 'b') // user name "bob"
                    );
            ConnectPacket expected = new ConnectPacket(
                    MqttVersion.V3_1_1,
                    "c1",
                    true,
                    60,
                    Optional.empty(),
                    Optional.of("bob"),
                    Optional.empty(),
                    MqttProperties.EMPTY);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V3_1_1, fixture, expected);
        }
    }

    @Nested
    @DisplayName("MQTT 5.0")
    class V5 {
        @Test
        void minimalConnect() {
            byte[] fixture = concat(
                    bytes(0x10), // CONNECT, flags 0
                    bytes(0x0F), // remaining length 15
                    bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                    bytes(0x05), // protocol level 5 (5.0)
                    bytes(0x02), // connect flags: clean start
                    bytes(0x00, 0x3C), // keep alive 60 s
                    bytes(0x00), // property length 0
                    bytes(0x00, 0x02, 'c', '1') // client id "c1"
                    );
            ConnectPacket expected = new ConnectPacket(
                    MqttVersion.V5,
                    "c1",
                    true,
                    60,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    MqttProperties.EMPTY);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V5, fixture, expected);
        }

        @Test
        void connectWithPropertiesWillPropertiesUsernameAndPassword() {
            byte[] fixture = concat(
                    bytes(0x10), // CONNECT, flags 0
                    bytes(0x6A), // remaining length 106
                    bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                    bytes(0x05), // protocol level 5 (5.0)
                    bytes(0xEE), // flags: user name, password, will retain, will QoS 1, will, clean start
                    bytes(0x00, 0x1E), // keep alive 30 s
                    bytes(0x1B), // property length 27
                    bytes(0x11, 0x00, 0x00, 0x0E, 0x10), // session expiry interval 3600 s
                    bytes(0x17, 0x00), // request problem information 0
                    bytes(0x19, 0x01), // request response information 1
                    bytes(0x21, 0x00, 0x64), // receive maximum 100
                    bytes(0x22, 0x00, 0x0A), // topic alias maximum 10
                    bytes(0x27, 0x00, 0x01, 0x00, 0x00), // maximum packet size 65536
                    bytes(0x26, 0x00, 0x01, 'k', 0x00, 0x01, 'v'), // user property "k" = "v"
                    bytes(0x00, 0x05, 'd', 'e', 'v', '-', '5'), // client id "dev-5"
                    bytes(0x2B), // will property length 43
                    bytes(0x01, 0x01), // payload format indicator 1 (UTF-8)
                    bytes(0x02, 0x00, 0x00, 0x00, 0x78), // message expiry interval 120 s
                    bytes(0x03), // property: content type
                    bytes(0x00, 0x0A, 't', 'e', 'x', 't', '/', 'p', 'l', 'a', 'i', 'n'), // value "text/plain"
                    bytes(0x08, 0x00, 0x03, 'r', '/', '1'), // response topic "r/1"
                    bytes(0x09, 0x00, 0x02, 0xCA, 0xFE), // correlation data CA FE
                    bytes(0x18, 0x00, 0x00, 0x00, 0x05), // will delay interval 5 s
                    bytes(0x26, 0x00, 0x01, 'a', 0x00, 0x01, 'b'), // user property "a" = "b"
                    bytes(0x00, 0x03, 'w', '/', '5'), // will topic "w/5"
                    bytes(0x00, 0x04, 'g', 'o', 'n', 'e'), // will payload "gone"
                    bytes(0x00, 0x01, 'u'), // user name "u"
                    bytes(0x00, 0x01, 'p') // password "p"
                    );
            MqttProperties properties = MqttProperties.builder()
                    .put(PropertyId.SESSION_EXPIRY_INTERVAL, 3600)
                    .put(PropertyId.REQUEST_PROBLEM_INFORMATION, 0)
                    .put(PropertyId.REQUEST_RESPONSE_INFORMATION, 1)
                    .put(PropertyId.RECEIVE_MAXIMUM, 100)
                    .put(PropertyId.TOPIC_ALIAS_MAXIMUM, 10)
                    .put(PropertyId.MAXIMUM_PACKET_SIZE, 65536)
                    .addUserProperty("k", "v")
                    .build();
            MqttProperties willProperties = MqttProperties.builder()
                    .put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                    .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, 120)
                    .put(PropertyId.CONTENT_TYPE, "text/plain")
                    .put(PropertyId.RESPONSE_TOPIC, "r/1")
                    .put(PropertyId.CORRELATION_DATA, binary(0xCA, 0xFE))
                    .put(PropertyId.WILL_DELAY_INTERVAL, 5)
                    .addUserProperty("a", "b")
                    .build();
            ConnectPacket expected = new ConnectPacket(
                    MqttVersion.V5,
                    "dev-5",
                    true,
                    30,
                    Optional.of(
                            new Will("w/5", binary('g', 'o', 'n', 'e'), MqttQos.AT_LEAST_ONCE, true, willProperties)),
                    Optional.of("u"),
                    Optional.of(binary('p')),
                    properties);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V5, fixture, expected);
        }

        @Test
        void passwordWithoutUsernameAndEnhancedAuthentication() {
            byte[] fixture = concat(
                    bytes(0x10), // CONNECT, flags 0
                    bytes(0x22), // remaining length 34
                    bytes(0x00, 0x04, 'M', 'Q', 'T', 'T'), // protocol name "MQTT"
                    bytes(0x05), // protocol level 5 (5.0)
                    bytes(0x40), // flags: password (no user name: allowed in 5.0), clean start 0
                    bytes(0x00, 0x3C), // keep alive 60 s
                    bytes(0x0D), // property length 13
                    bytes(0x15, 0x00, 0x05, 'P', 'L', 'A', 'I', 'N'), // authentication method "PLAIN"
                    bytes(0x16, 0x00, 0x02, 0x01, 0x02), // authentication data 01 02
                    bytes(0x00, 0x00), // client id "" (5.0: the server assigns one, whatever Clean Start says)
                    bytes(0x00, 0x06, 's', 'e', 'c', 'r', 'e', 't') // password "secret"
                    );
            MqttProperties properties = MqttProperties.builder()
                    .put(PropertyId.AUTHENTICATION_METHOD, "PLAIN")
                    .put(PropertyId.AUTHENTICATION_DATA, binary(0x01, 0x02))
                    .build();
            ConnectPacket expected = new ConnectPacket(
                    MqttVersion.V5,
                    "",
                    false,
                    60,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(binary('s', 'e', 'c', 'r', 'e', 't')),
                    properties);
            assertFixture(Direction.CLIENT_TO_SERVER, MqttVersion.V5, fixture, expected);
        }
    }
}
