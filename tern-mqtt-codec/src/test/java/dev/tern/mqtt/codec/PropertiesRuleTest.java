package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.MAX_PACKET_SIZE;
import static dev.tern.mqtt.codec.BytesFixtures.accept;
import static dev.tern.mqtt.codec.BytesFixtures.assertAccepted;
import static dev.tern.mqtt.codec.BytesFixtures.assertRejected;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.client;
import static dev.tern.mqtt.codec.BytesFixtures.concat;
import static dev.tern.mqtt.codec.BytesFixtures.packet;
import static dev.tern.mqtt.codec.BytesFixtures.properties;
import static dev.tern.mqtt.codec.BytesFixtures.server;
import static dev.tern.mqtt.codec.BytesFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MQTT 5.0 property rules (section 2.2.2 and the property descriptions of each packet). */
@DisplayName("MQTT 5 property rules")
class PropertiesRuleTest {

    // --- Packets around a raw property block ---------------------------------------------------------------------

    /** A 5.0 CONNECT, client id "c", with the raw CONNECT property block {@code props} (length prefix included). */
    static byte[] connect(byte[] props) {
        return packet(
                0x10, // CONNECT
                string("MQTT"), // protocol name
                bytes(0x05), // protocol level 5
                bytes(0x02), // connect flags: clean start
                bytes(0x00, 0x3C), // keep alive 60 s
                props, // properties
                string("c") // client id "c"
                );
    }

    /** A 5.0 CONNECT with a will whose raw will property block is {@code willProps}. */
    static byte[] connectWithWill(byte[] willProps) {
        return packet(
                0x10, // CONNECT
                string("MQTT"), // protocol name
                bytes(0x05), // protocol level 5
                bytes(0x06), // connect flags: will (QoS 0), clean start
                bytes(0x00, 0x3C), // keep alive 60 s
                bytes(0x00), // property length 0
                string("c"), // client id "c"
                willProps, // will properties
                string("w"), // will topic "w"
                bytes(0x00, 0x00) // will payload: empty
                );
    }

    /** A 5.0 QoS 0 PUBLISH, topic "t", payload "p", with the raw property block {@code props}. */
    static byte[] publish(byte[] props) {
        return packet(
                0x30, // PUBLISH, QoS 0
                string("t"), // topic name "t"
                props, // properties
                bytes('p') // payload "p"
                );
    }

    /** A 5.0 PUBACK, packet id 1, reason code 0x00, with the raw property block {@code props}. */
    static byte[] puback(byte[] props) {
        return packet(
                0x40, // PUBACK
                bytes(0x00, 0x01), // packet identifier 1
                bytes(0x00), // reason code success
                props // properties
                );
    }

    /** A 5.0 SUBSCRIBE, packet id 1, filter "a" QoS 0, with the raw property block {@code props}. */
    static byte[] subscribe(byte[] props) {
        return packet(
                0x82, // SUBSCRIBE, flags 0b0010
                bytes(0x00, 0x01), // packet identifier 1
                props, // properties
                string("a"), // topic filter "a"
                bytes(0x00) // options: QoS 0
                );
    }

    /** A 5.0 UNSUBSCRIBE, packet id 1, filter "a", with the raw property block {@code props}. */
    static byte[] unsubscribe(byte[] props) {
        return packet(
                0xA2, // UNSUBSCRIBE, flags 0b0010
                bytes(0x00, 0x01), // packet identifier 1
                props, // properties
                string("a") // topic filter "a"
                );
    }

    /** A 5.0 CONNACK, success, with the raw property block {@code props}. */
    static byte[] connack(byte[] props) {
        return packet(
                0x20, // CONNACK
                bytes(0x00), // acknowledge flags
                bytes(0x00), // reason code success
                props // properties
                );
    }

    /** A 5.0 DISCONNECT, reason code 0x00, with the raw property block {@code props}. */
    static byte[] disconnect(byte[] props) {
        return packet(
                0xE0, // DISCONNECT
                bytes(0x00), // reason code normal disconnection
                props // properties
                );
    }

    /** A 5.0 AUTH, reason code 0x18, with the raw property block {@code props}. */
    static byte[] auth(byte[] props) {
        return packet(
                0xF0, // AUTH
                bytes(0x18), // reason code continue authentication
                props // properties
                );
    }

    private static MqttDecoder freshServer() {
        return MqttDecoder.forServer(MAX_PACKET_SIZE);
    }

    // --- Properties a packet may not carry -----------------------------------------------------------------------

    @Nested
    @DisplayName("identifier not valid for the packet type")
    class NotAllowed {
        @Tag("2.2.2.2")
        @Test
        void topicAliasInConnectIsMalformed() {
            byte[] props = properties(bytes(0x23, 0x00, 0x01)); // topic alias 1
            assertRejected(freshServer(), connect(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
        }

        @Tag("2.2.2.2")
        @Test
        void sessionExpiryIntervalInPublishIsMalformed() {
            byte[] props = properties(bytes(0x11, 0x00, 0x00, 0x00, 0x0A)); // session expiry interval 10
            assertRejected(server(MqttVersion.V5), publish(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
        }

        @Tag("2.2.2.2")
        @Test
        void reasonStringInPublishIsMalformed() {
            byte[] props = properties(bytes(0x1F), string("r")); // reason string "r"
            assertRejected(client(MqttVersion.V5), publish(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
        }

        @Tag("2.2.2.2")
        @Test
        void willDelayIntervalInConnectPropertiesIsMalformed() {
            byte[] props = properties(bytes(0x18, 0x00, 0x00, 0x00, 0x05)); // will delay interval 5
            assertRejected(freshServer(), connect(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
        }

        @Tag("2.2.2.2")
        @Test
        void sessionExpiryIntervalInWillPropertiesIsMalformed() {
            byte[] willProps = properties(bytes(0x11, 0x00, 0x00, 0x00, 0x05)); // session expiry interval 5
            assertRejected(freshServer(), connectWithWill(willProps), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
        }

        @Tag("2.2.2.2")
        @Test
        void subscriptionIdentifierInUnsubscribeIsMalformed() {
            byte[] props = properties(bytes(0x0B, 0x01)); // subscription identifier 1
            assertRejected(server(MqttVersion.V5), unsubscribe(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
        }

        @Tag("2.2.2.2")
        @Test
        void maximumQosInConnectIsMalformed() {
            byte[] props = properties(bytes(0x24, 0x01)); // maximum QoS 1 (a CONNACK property)
            assertRejected(freshServer(), connect(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
        }

        @Tag("2.2.2.2")
        @Test
        void payloadFormatIndicatorInPubackIsMalformed() {
            byte[] props = properties(bytes(0x01, 0x01)); // payload format indicator 1
            assertRejected(server(MqttVersion.V5), puback(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
        }

        @Tag("2.2.2.2")
        @Test
        void authenticationMethodInDisconnectIsMalformed() {
            byte[] props = properties(bytes(0x15), string("PLAIN")); // authentication method "PLAIN"
            assertRejected(server(MqttVersion.V5), disconnect(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
        }

        @Tag("2.2.2.2")
        @Test
        void propertiesValidForTheirPacketTypeDecode() {
            assertAccepted(freshServer(), connect(properties(bytes(0x11, 0, 0, 0, 0x0A))), PacketType.CONNECT);
            assertAccepted(server(MqttVersion.V5), publish(properties(bytes(0x23, 0x00, 0x01))), PacketType.PUBLISH);
            assertAccepted(freshServer(), connectWithWill(properties(bytes(0x18, 0, 0, 0, 5))), PacketType.CONNECT);
            assertAccepted(server(MqttVersion.V5), subscribe(properties(bytes(0x0B, 0x01))), PacketType.SUBSCRIBE);
            assertAccepted(client(MqttVersion.V5), connack(properties(bytes(0x24, 0x01))), PacketType.CONNACK);
            assertAccepted(server(MqttVersion.V5), puback(properties(bytes(0x1F), string("r"))), PacketType.PUBACK);
            assertAccepted(server(MqttVersion.V5), auth(properties(bytes(0x15), string("PLAIN"))), PacketType.AUTH);
        }
    }

    @Tag("2.2.2.2")
    @ParameterizedTest(name = "unknown property identifier {0} is malformed")
    @CsvSource({"00", "04", "0A", "10", "14", "2B", "7F"})
    void unknownPropertyIdentifierIsMalformed(String hexId) {
        byte[] props = properties(bytes(Integer.parseInt(hexId, 16), 0x00)); // unknown identifier, one byte after it
        assertRejected(server(MqttVersion.V5), publish(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
    }

    @Tag("2.2.2.2")
    @Test
    void twoByteVariableByteIntegerIdentifierIsUnknownAndMalformed() {
        byte[] props = properties(bytes(0x81, 0x01, 0x00)); // identifier 129 as a two-byte variable byte integer
        assertRejected(server(MqttVersion.V5), publish(props), ReasonCode.MALFORMED_PACKET, "2.2.2.2");
    }

    // --- Repetition -----------------------------------------------------------------------------------------------

    @Tag("2.2.2.2")
    @Test
    void messageExpiryIntervalTwiceIsAProtocolError() {
        byte[] props = properties(
                bytes(0x02, 0x00, 0x00, 0x00, 0x0A), // message expiry interval 10
                bytes(0x02, 0x00, 0x00, 0x00, 0x14)); // message expiry interval 20 again
        assertRejected(server(MqttVersion.V5), publish(props), ReasonCode.PROTOCOL_ERROR, "2.2.2.2");
    }

    @Tag("2.2.2.2")
    @Test
    void receiveMaximumTwiceInConnectIsAProtocolError() {
        byte[] props = properties(
                bytes(0x21, 0x00, 0x0A), // receive maximum 10
                bytes(0x21, 0x00, 0x0A)); // receive maximum 10 again (same value: still a repetition)
        assertRejected(freshServer(), connect(props), ReasonCode.PROTOCOL_ERROR, "2.2.2.2");
    }

    @Tag("2.2.2.2")
    @Test
    void reasonStringTwiceInPubackIsAProtocolError() {
        byte[] props = properties(
                bytes(0x1F), string("a"), // reason string "a"
                bytes(0x1F), string("b")); // reason string "b"
        assertRejected(client(MqttVersion.V5), puback(props), ReasonCode.PROTOCOL_ERROR, "2.2.2.2");
    }

    @Tag("2.2.2.2")
    @Test
    void contentTypeTwiceInWillPropertiesIsAProtocolError() {
        byte[] willProps = properties(
                bytes(0x03), string("a"), // content type "a"
                bytes(0x03), string("b")); // content type "b"
        assertRejected(freshServer(), connectWithWill(willProps), ReasonCode.PROTOCOL_ERROR, "2.2.2.2");
    }

    @Tag("MQTT-3.3.2-18")
    @Test
    void userPropertiesMayRepeatAndKeepTheirOrder() {
        byte[] props = properties(
                bytes(0x26),
                string("k"),
                string("2"), // user property "k" = "2"
                bytes(0x02, 0x00, 0x00, 0x00, 0x0A), // message expiry interval 10, between them
                bytes(0x26),
                string("k"),
                string("1"), // user property "k" = "1" (same name again)
                bytes(0x26),
                string("a"),
                string("0")); // user property "a" = "0"
        MqttPacket packet = accept(server(MqttVersion.V5), publish(props));
        try {
            assertThat(((PublishPacket) packet).properties().userProperties())
                    .containsExactly(
                            new UserProperty("k", "2"), new UserProperty("k", "1"), new UserProperty("a", "0"));
        } finally {
            BytesFixtures.release(packet);
        }
    }

    @Tag("3.8.2.1.2")
    @Test
    void subscriptionIdentifierTwiceInSubscribeIsAProtocolError() {
        byte[] props = properties(
                bytes(0x0B, 0x01), // subscription identifier 1
                bytes(0x0B, 0x02)); // subscription identifier 2
        assertRejected(server(MqttVersion.V5), subscribe(props), ReasonCode.PROTOCOL_ERROR, "3.8.2.1.2");
    }

    @Tag("MQTT-3.3.4-3")
    @Test
    void subscriptionIdentifierTwiceInAPublishToAClientDecodes() {
        byte[] props = properties(
                bytes(0x0B, 0x01), // subscription identifier 1
                bytes(0x0B, 0xFF, 0xFF, 0xFF, 0x7F)); // subscription identifier 268,435,455 (the maximum)
        MqttPacket packet = accept(client(MqttVersion.V5), publish(props));
        try {
            assertThat(((PublishPacket) packet).properties().subscriptionIdentifiers())
                    .isEqualTo(List.of(1, 268_435_455));
        } finally {
            BytesFixtures.release(packet);
        }
    }

    @Tag("MQTT-3.3.4-6")
    @Test
    void subscriptionIdentifierInAPublishFromAClientIsAProtocolError() {
        byte[] props = properties(bytes(0x0B, 0x01)); // subscription identifier 1
        assertRejected(server(MqttVersion.V5), publish(props), ReasonCode.PROTOCOL_ERROR, "MQTT-3.3.4-6");
    }

    @Tag("MQTT-3.3.4-6")
    @Test
    void subscriptionIdentifierInAPublishToAClientDecodes() {
        byte[] props = properties(bytes(0x0B, 0x01)); // subscription identifier 1
        MqttPacket packet = accept(client(MqttVersion.V5), publish(props));
        BytesFixtures.release(packet);
    }

    // --- Value ranges ---------------------------------------------------------------------------------------------

    @Tag("3.1.2.11.3")
    @Test
    void receiveMaximumZeroIsAProtocolError() {
        assertRejected(
                freshServer(),
                connect(properties(bytes(0x21, 0x00, 0x00))), // receive maximum 0
                ReasonCode.PROTOCOL_ERROR,
                "2.2.2.2");
        assertRejected(
                client(MqttVersion.V5),
                connack(properties(bytes(0x21, 0x00, 0x00))), // receive maximum 0
                ReasonCode.PROTOCOL_ERROR,
                "2.2.2.2");
    }

    @Tag("3.1.2.11.3")
    @Test
    void receiveMaximumOneAndMaximumDecode() {
        assertAccepted(freshServer(), connect(properties(bytes(0x21, 0x00, 0x01))), PacketType.CONNECT);
        assertAccepted(freshServer(), connect(properties(bytes(0x21, 0xFF, 0xFF))), PacketType.CONNECT);
    }

    @Tag("3.1.2.11.4")
    @Test
    void maximumPacketSizeZeroIsAProtocolError() {
        assertRejected(
                freshServer(),
                connect(properties(bytes(0x27, 0x00, 0x00, 0x00, 0x00))), // maximum packet size 0
                ReasonCode.PROTOCOL_ERROR,
                "2.2.2.2");
        assertRejected(
                client(MqttVersion.V5),
                connack(properties(bytes(0x27, 0x00, 0x00, 0x00, 0x00))), // maximum packet size 0
                ReasonCode.PROTOCOL_ERROR,
                "2.2.2.2");
    }

    @Tag("3.1.2.11.4")
    @Test
    void maximumPacketSizeOneDecodes() {
        assertAccepted(freshServer(), connect(properties(bytes(0x27, 0, 0, 0, 1))), PacketType.CONNECT);
    }

    @Tag("MQTT-3.3.2-8")
    @Test
    void topicAliasZeroIsAnInvalidTopicAlias() {
        assertRejected(
                server(MqttVersion.V5),
                publish(properties(bytes(0x23, 0x00, 0x00))), // topic alias 0
                ReasonCode.TOPIC_ALIAS_INVALID,
                "MQTT-3.3.2-8");
        assertRejected(
                client(MqttVersion.V5),
                publish(properties(bytes(0x23, 0x00, 0x00))), // topic alias 0
                ReasonCode.TOPIC_ALIAS_INVALID,
                "MQTT-3.3.2-8");
    }

    @Tag("MQTT-3.3.2-8")
    @Test
    void topicAliasOneDecodes() {
        assertAccepted(server(MqttVersion.V5), publish(properties(bytes(0x23, 0x00, 0x01))), PacketType.PUBLISH);
    }

    @Tag("3.8.2.1.2")
    @Test
    void subscriptionIdentifierZeroIsAProtocolError() {
        assertRejected(
                server(MqttVersion.V5),
                subscribe(properties(bytes(0x0B, 0x00))), // subscription identifier 0
                ReasonCode.PROTOCOL_ERROR,
                "3.8.2.1.2");
        assertRejected(
                client(MqttVersion.V5),
                publish(properties(bytes(0x0B, 0x00))), // subscription identifier 0
                ReasonCode.PROTOCOL_ERROR,
                "3.8.2.1.2");
    }

    @Tag("3.8.2.1.2")
    @Test
    void subscriptionIdentifierOneDecodes() {
        assertAccepted(server(MqttVersion.V5), subscribe(properties(bytes(0x0B, 0x01))), PacketType.SUBSCRIBE);
    }

    @Tag("3.3.2.3.2")
    @Test
    void payloadFormatIndicatorTwoIsAProtocolError() {
        assertRejected(
                server(MqttVersion.V5),
                publish(properties(bytes(0x01, 0x02))), // payload format indicator 2
                ReasonCode.PROTOCOL_ERROR,
                "2.2.2.2");
        assertRejected(
                freshServer(),
                connectWithWill(properties(bytes(0x01, 0x02))), // payload format indicator 2
                ReasonCode.PROTOCOL_ERROR,
                "2.2.2.2");
    }

    @Tag("3.3.2.3.2")
    @Test
    void payloadFormatIndicatorZeroAndOneDecode() {
        assertAccepted(server(MqttVersion.V5), publish(properties(bytes(0x01, 0x00))), PacketType.PUBLISH);
        assertAccepted(server(MqttVersion.V5), publish(properties(bytes(0x01, 0x01))), PacketType.PUBLISH);
    }

    @Tag("3.1.2.11.7")
    @Test
    void requestProblemInformationTwoIsAProtocolError() {
        assertRejected(
                freshServer(),
                connect(properties(bytes(0x17, 0x02))), // request problem information 2
                ReasonCode.PROTOCOL_ERROR,
                "2.2.2.2");
    }

    @Tag("3.1.2.11.6")
    @Test
    void requestResponseInformationTwoIsAProtocolError() {
        assertRejected(
                freshServer(),
                connect(properties(bytes(0x19, 0x02))), // request response information 2
                ReasonCode.PROTOCOL_ERROR,
                "2.2.2.2");
    }

    @Tag("3.2.2.3.4")
    @ParameterizedTest(name = "CONNACK property 0x{0} with value 2 is a protocol error")
    @CsvSource({"24", "25", "28", "29", "2A"})
    void connackCapabilityFlagTwoIsAProtocolError(String hexId) {
        assertRejected(
                client(MqttVersion.V5),
                connack(properties(bytes(Integer.parseInt(hexId, 16), 0x02))), // a 0-or-1 byte property, value 2
                ReasonCode.PROTOCOL_ERROR,
                "2.2.2.2");
    }

    @Tag("3.1.2.11.7")
    @Test
    void requestProblemAndResponseInformationZeroAndOneDecode() {
        assertAccepted(freshServer(), connect(properties(bytes(0x17, 0x00), bytes(0x19, 0x01))), PacketType.CONNECT);
        assertAccepted(freshServer(), connect(properties(bytes(0x17, 0x01), bytes(0x19, 0x00))), PacketType.CONNECT);
    }

    // --- Property block framing -----------------------------------------------------------------------------------

    @Tag("2.2.2.1")
    @Test
    void propertyLengthRunningPastThePacketIsMalformed() {
        byte[] publish = concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0x07), // remaining length 7
                bytes(0x00, 0x01, 't'), // topic name "t"
                bytes(0x10), // property length 16, but 3 bytes are left in the packet
                bytes(0x23, 0x00, 0x01) // topic alias 1
                );
        assertRejected(server(MqttVersion.V5), publish, ReasonCode.MALFORMED_PACKET, "2.2.2.1");
    }

    @Tag("2.2.2.2")
    @Test
    void propertyValueRunningPastItsBlockIsMalformed() {
        byte[] publish = concat(
                concat(
                        bytes(0x30), // PUBLISH, QoS 0
                        bytes(0x0A), // remaining length 10
                        bytes(0x00, 0x01, 't'), // topic name "t"
                        bytes(0x02), // property length 2
                        bytes(0x02, 0x00) // message expiry interval: 1 of its 4 bytes inside the block
                        ),
                bytes(0x00, 0x00, 0x0A, 'p') // the rest lies in the payload, not in the block
                );
        assertRejected(server(MqttVersion.V5), publish, ReasonCode.MALFORMED_PACKET, "2.2.2.2");
    }

    @Tag("1.5.4")
    @Test
    void stringPropertyRunningPastItsBlockIsMalformed() {
        byte[] publish = concat(
                bytes(0x30), // PUBLISH, QoS 0
                bytes(0x0A), // remaining length 10
                bytes(0x00, 0x01, 't'), // topic name "t"
                bytes(0x04), // property length 4
                bytes(0x03, 0x00, 0x05, 'a'), // content type of length 5, 1 byte inside the block
                bytes('b', 'c') // payload
                );
        assertRejected(server(MqttVersion.V5), publish, ReasonCode.MALFORMED_PACKET, "1.5.4");
    }

    // --- Cross-property rules -------------------------------------------------------------------------------------

    @Tag("3.1.2.11.10")
    @Test
    void authenticationDataWithoutMethodIsAProtocolError() {
        byte[] data = properties(bytes(0x16, 0x00, 0x01, 0x2A)); // authentication data 2A, no method
        assertRejected(freshServer(), connect(data), ReasonCode.PROTOCOL_ERROR, "3.1.2.11.10");
        assertRejected(client(MqttVersion.V5), connack(data), ReasonCode.PROTOCOL_ERROR, "3.1.2.11.10");
        assertRejected(server(MqttVersion.V5), auth(data), ReasonCode.PROTOCOL_ERROR, "3.1.2.11.10");
    }

    @Tag("3.1.2.11.10")
    @Test
    void authenticationDataWithMethodDecodes() {
        byte[] both = properties(
                bytes(0x16, 0x00, 0x01, 0x2A), // authentication data 2A (order does not matter)
                bytes(0x15),
                string("X")); // authentication method "X"
        assertAccepted(freshServer(), connect(both), PacketType.CONNECT);
        assertAccepted(client(MqttVersion.V5), connack(both), PacketType.CONNACK);
        assertAccepted(server(MqttVersion.V5), auth(both), PacketType.AUTH);
        assertAccepted(server(MqttVersion.V5), auth(properties(bytes(0x15), string("X"))), PacketType.AUTH);
    }

    @Tag("MQTT-3.14.2-2")
    @Test
    void sessionExpiryIntervalInADisconnectFromTheServerIsAProtocolError() {
        byte[] props = properties(bytes(0x11, 0x00, 0x00, 0x00, 0x00)); // session expiry interval 0
        assertRejected(client(MqttVersion.V5), disconnect(props), ReasonCode.PROTOCOL_ERROR, "MQTT-3.14.2-2");
    }

    @Tag("MQTT-3.14.2-2")
    @Test
    void sessionExpiryIntervalInADisconnectFromTheClientDecodes() {
        byte[] props = properties(bytes(0x11, 0x00, 0x00, 0x00, 0x00)); // session expiry interval 0
        MqttPacket packet = accept(server(MqttVersion.V5), disconnect(props));
        assertThat(((DisconnectPacket) packet).properties().sessionExpiryInterval())
                .hasValue(0);
    }
}
