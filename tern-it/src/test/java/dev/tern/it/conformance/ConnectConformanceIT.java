package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.connect;
import static dev.tern.it.conformance.Packets.connect5;
import static dev.tern.it.conformance.Packets.mqttString;
import static dev.tern.it.conformance.Packets.of;
import static dev.tern.it.conformance.Packets.rawConnect;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.mqtt.codec.MqttVersion.V3_1;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.testkit.EmbeddedBroker;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sections 3.1 CONNECT and 3.2 CONNACK: what opens a connection, what refuses it, and the bytes of each answer. */
@DisplayName("3.1 CONNECT, 3.2 CONNACK")
class ConnectConformanceIT {
    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Map.of(
                "sys.interval", "0",
                "mqtt.connect_timeout", "1",
                "mqtt.max_client_id_length", "64",
                "mqtt.receive_maximum", "20",
                "mqtt.topic_alias_maximum", "7",
                "mqtt.max_packet_size", "65536"));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    // ---- the first packet
    // ---------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.1.4-4")
    @Tag("MQTT-3.2.0-1")
    @DisplayName("3.1.1: an accepted CONNECT is answered with exactly 20 02 00 00")
    void acceptedConnectGetsTheFourByteConnAck() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.send(connect(V3_1_1, unique("c-ok-")));
            assertThat(client.receiveHex()).isEqualTo("20020000");
            client.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.1.4-4")
    @DisplayName("3.1: a CONNECT with protocol name MQIsdp, level 3, is answered with exactly 20 02 00 00")
    void mqtt31ConnectIsAccepted() {
        try (Wire client = Wire.open(port, V3_1)) {
            client.send(connect(V3_1, unique("c-31-")));
            assertThat(client.receiveHex()).isEqualTo("20020000");
        }
    }

    @Test
    @Tag("MQTT-3.1.4-5")
    @Tag("MQTT-3.2.0-1")
    @Tag("MQTT-3.2.2-1")
    @DisplayName("5.0: an accepted CONNECT gets CONNACK 0x00 advertising the configured limits")
    void mqtt5ConnAckAdvertisesTheLimits() {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(V5, unique("c-5-")));
            Wire.Frame frame = client.frame();
            ConnAckPacket connAck = (ConnAckPacket) frame.packet();
            assertThat(frame.firstByte()).isEqualTo(0x20);
            assertThat(frame.bytes()[2]).as("acknowledge flags").isZero();
            assertThat(frame.bytes()[3]).as("reason code").isZero();
            assertThat(connAck.sessionPresent()).isFalse();
            MqttProperties properties = connAck.properties();
            assertThat(properties.receiveMaximum()).hasValue(20);
            assertThat(properties.topicAliasMaximum()).hasValue(7);
            assertThat(properties.maximumPacketSize()).hasValue(65536);
            // Absent means "supported" / "as the client asked": QoS 2, retain, wildcards, shared, identifiers.
            assertThat(properties.maximumQos()).isEmpty();
            assertThat(properties.retainAvailable()).isEmpty();
            assertThat(properties.wildcardSubscriptionAvailable()).isEmpty();
            assertThat(properties.sharedSubscriptionAvailable()).isEmpty();
            assertThat(properties.subscriptionIdentifierAvailable()).isEmpty();
            assertThat(properties.serverKeepAlive()).isEmpty();
            assertThat(properties.assignedClientIdentifier()).isEmpty();
        }
    }

    @ParameterizedTest(name = "first packet {0}")
    @ValueSource(strings = {"c0 00", "82 06 00 01 00 01 61 00", "30 05 00 01 61 68 69", "e0 00"})
    @Tag("MQTT-3.1.0-1")
    @DisplayName("3.1.1 and 5.0: a connection whose first packet is not CONNECT is closed without an answer")
    void firstPacketMustBeConnect(String packet) {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(Packets.bytes(packet));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.2.0-1")
    @DisplayName("3.1.1: packets sent right behind CONNECT, before CONNACK, are answered after the CONNACK")
    void packetsBeforeConnAckAreProcessedAfterIt() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(bytesOf(connect(V3_1_1, unique("c-early-")), client));
            both.writeBytes(Packets.bytes("c0 00"));
            client.sendBytes(both.toByteArray());
            assertThat(client.receiveHex()).isEqualTo("20020000");
            assertThat(client.receiveHex()).isEqualTo("d000");
        }
    }

    @Test
    @Tag("MQTT-3.1.0-2")
    @DisplayName("3.1.1: a second CONNECT closes the connection, with nothing sent after the CONNACK")
    void secondConnectCloses311() {
        String id = unique("c-2nd-");
        try (Wire client = Wire.connect(port, V3_1_1, id)) {
            client.send(connect(V3_1_1, id));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.1.0-2")
    @Tag("MQTT-3.14.4-1")
    @Tag("MQTT-3.14.4-2")
    @DisplayName("5.0: a second CONNECT is a Protocol Error: DISCONNECT 0x82, then the close and nothing after it")
    void secondConnectIsAProtocolError5() {
        String id = unique("c-2nd5-");
        try (Wire client = Wire.connect(port, V5, id)) {
            client.send(connect(V5, id));
            Wire.Frame frame = client.frame();
            assertThat(frame.packet()).isInstanceOf(DisconnectPacket.class);
            assertThat(frame.firstByte()).isEqualTo(0xE0);
            assertThat(frame.bytes()[2] & 0xFF).as("reason code").isEqualTo(0x82);
            assertThat(((DisconnectPacket) frame.packet()).properties().sessionExpiryInterval())
                    .as("[MQTT-3.14.2-2] no Session Expiry Interval from the server")
                    .isEmpty();
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    // ---- protocol name and level ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "protocol level {0}")
    @ValueSource(ints = {0, 2, 6, 255})
    @Tag("MQTT-3.1.2-2")
    @DisplayName("3.1.1: an unsupported protocol level is answered with exactly 20 02 00 01, then the close")
    void unsupportedProtocolLevel(int level) {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(rawConnect("MQTT", level, 0x02, null, mqttString(unique("c-lvl-"))));
            assertThat(client.awaitCloseHex()).isEqualTo("20020001");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-2")
    @DisplayName("3.1.1: protocol name MQTT with level 3 (3.1 is MQIsdp) is an unsupported level: 20 02 00 01")
    void mqttNameWithLevelThree() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(rawConnect("MQTT", 3, 0x02, null, mqttString(unique("c-lvl3-"))));
            assertThat(client.awaitCloseHex()).isEqualTo("20020001");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-1")
    @DisplayName("3.1.1: an unknown protocol name closes the connection without CONNACK")
    void unknownProtocolName() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(rawConnect("MQTX", 4, 0x02, null, mqttString(unique("c-name-"))));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    // ---- connect flags ----------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.1.2-3")
    @Tag("MQTT-3.1.4-1")
    @DisplayName("3.1.1: the reserved connect flag set closes the connection without CONNACK")
    void reservedConnectFlag311() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(rawConnect("MQTT", 4, 0x03, null, mqttString(unique("c-rsv-"))));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.1.2-3")
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: the reserved connect flag set is a Malformed Packet: exactly 20 03 00 81 00, then the close")
    void reservedConnectFlag5() {
        try (Wire client = Wire.open(port, V5)) {
            client.sendBytes(rawConnect("MQTT", 5, 0x03, of(0), mqttString(unique("c-rsv5-"))));
            assertThat(client.awaitCloseHex()).isEqualTo("2003008100");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-14")
    @DisplayName("3.1.1: Will QoS 3 closes the connection without CONNACK")
    void willQosThree311() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(rawConnect(
                    "MQTT", 4, 0x02 | 0x04 | 0x18, null, mqttString(unique("c-wq3-")), mqttString("w"), of(0, 0)));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.1.2-12")
    @DisplayName("5.0: Will QoS 3 is a Malformed Packet: exactly 20 03 00 81 00, then the close")
    void willQosThree5() {
        try (Wire client = Wire.open(port, V5)) {
            client.sendBytes(rawConnect(
                    "MQTT",
                    5,
                    0x02 | 0x04 | 0x18,
                    of(0),
                    mqttString(unique("c-wq35-")),
                    of(0),
                    mqttString("w"),
                    of(0, 0)));
            assertThat(client.awaitCloseHex()).isEqualTo("2003008100");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-13")
    @DisplayName("3.1.1: Will QoS 1 without the Will Flag closes the connection without CONNACK")
    void willQosWithoutWillFlag311() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(rawConnect("MQTT", 4, 0x02 | 0x08, null, mqttString(unique("c-wqf-"))));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.1.2-11")
    @DisplayName("5.0: Will QoS 1 without the Will Flag is a Malformed Packet: 20 03 00 81 00")
    void willQosWithoutWillFlag5() {
        try (Wire client = Wire.open(port, V5)) {
            client.sendBytes(rawConnect("MQTT", 5, 0x02 | 0x08, of(0), mqttString(unique("c-wqf5-"))));
            assertThat(client.awaitCloseHex()).isEqualTo("2003008100");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-15")
    @DisplayName("3.1.1: Will Retain without the Will Flag closes the connection without CONNACK")
    void willRetainWithoutWillFlag311() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(rawConnect("MQTT", 4, 0x02 | 0x20, null, mqttString(unique("c-wrf-"))));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.1.2-22")
    @DisplayName("3.1.1: a password without a user name closes the connection without CONNACK")
    void passwordWithoutUserName311() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(rawConnect("MQTT", 4, 0x02 | 0x40, null, mqttString(unique("c-pw-")), of(0, 1, 0x70)));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.1.2-19")
    @DisplayName("5.0: a password without a user name is allowed")
    void passwordWithoutUserName5() {
        try (Wire client = Wire.open(port, V5)) {
            client.sendBytes(rawConnect("MQTT", 5, 0x02 | 0x40, of(0), mqttString(unique("c-pw5-")), of(0, 1, 0x70)));
            assertThat(client.receive(ConnAckPacket.class).reasonCode()).isEqualTo(ReasonCode.SUCCESS);
        }
    }

    @Test
    @Tag("MQTT-3.1.2-17")
    @Tag("MQTT-3.1.4-1")
    @DisplayName("5.0: the User Name Flag set without a User Name is a Malformed Packet: 20 03 00 81 00")
    void userNameFlagWithoutUserName5() {
        try (Wire client = Wire.open(port, V5)) {
            client.sendBytes(rawConnect("MQTT", 5, 0x02 | 0x80, of(0), mqttString(unique("c-un5-"))));
            assertThat(client.awaitCloseHex()).isEqualTo("2003008100");
        }
    }

    // ---- properties

    @Test
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: Receive Maximum 0 in CONNECT is a Protocol Error (3.1.2.11.3): exactly 20 03 00 82 00")
    void receiveMaximumZero5() {
        try (Wire client = Wire.open(port, V5)) {
            client.sendBytes(rawConnect("MQTT", 5, 0x02, of(3, 0x21, 0, 0), mqttString(unique("c-rm0-"))));
            assertThat(client.awaitCloseHex()).isEqualTo("2003008200");
        }
    }

    @Test
    @Tag("MQTT-4.12.0-1")
    @DisplayName(
            "5.0: an Authentication Method the server does not support is refused with CONNACK 0x8C, then the close")
    void unsupportedAuthenticationMethod5() {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(
                    V5,
                    unique("c-auth-"),
                    true,
                    60,
                    MqttProperties.builder()
                            .put(PropertyId.AUTHENTICATION_METHOD, "NO-SUCH-METHOD")
                            .build(),
                    Optional.empty()));
            ConnAckPacket connAck = client.receive(ConnAckPacket.class);
            assertThat(connAck.reasonCode()).isIn(ReasonCode.BAD_AUTHENTICATION_METHOD, ReasonCode.NOT_AUTHORIZED);
            assertThat(connAck.sessionPresent()).isFalse();
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-4.12.0-6")
    @DisplayName("5.0: AUTH from a client that used no Authentication Method is a Protocol Error: DISCONNECT 0x82")
    void authWithoutAMethod5() {
        try (Wire client = Wire.connect(port, V5, unique("c-noauth-"))) {
            client.sendBytes(0xF0, 0x00);
            client.expectDisconnect(0x82);
        }
    }

    @Test
    @Tag("MQTT-3.2.2-19")
    @DisplayName(
            "5.0: a refusing CONNACK leaves its Reason String out when the client's Maximum Packet Size is too small")
    void connAckReasonStringRespectsTheClientsMaximumPacketSize5() {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(
                    V5,
                    "r".repeat(65),
                    true,
                    60,
                    MqttProperties.builder()
                            .put(PropertyId.MAXIMUM_PACKET_SIZE, 8)
                            .build(),
                    Optional.empty()));
            assertThat(client.awaitCloseHex()).isEqualTo("2003008500");
        }
    }

    @Test
    @Tag("MQTT-3.14.2-3")
    @DisplayName(
            "5.0: a DISCONNECT leaves its Reason String out when the client's Maximum Packet Size is too small: e0 01 82")
    void disconnectReasonStringRespectsTheClientsMaximumPacketSize5() {
        String id = unique("c-mps-");
        try (Wire client = Wire.connect(
                port,
                connect(
                        V5,
                        id,
                        true,
                        60,
                        MqttProperties.builder()
                                .put(PropertyId.MAXIMUM_PACKET_SIZE, 8)
                                .build(),
                        Optional.empty()))) {
            client.send(connect(V5, id));
            assertThat(client.awaitCloseHex()).isEqualTo("e00182");
        }
    }

    // ---- client identifier
    // --------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.1.3-5")
    @DisplayName("3.1.1: a 23-character identifier of [0-9a-zA-Z] is accepted")
    void twentyThreeCharacterIdentifier311() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.send(connect(V3_1_1, "0123456789abcdefghijKLM"));
            assertThat(client.receiveHex()).isEqualTo("20020000");
        }
    }

    @Test
    @Tag("MQTT-3.1.3-5")
    @DisplayName("5.0: a 23-character identifier of [0-9a-zA-Z] is accepted")
    void twentyThreeCharacterIdentifier5() {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(V5, "0123456789abcdefghijKL5"));
            assertThat(client.receive(ConnAckPacket.class).reasonCode()).isEqualTo(ReasonCode.SUCCESS);
        }
    }

    @Test
    @Tag("MQTT-3.1.3-9")
    @DisplayName("3.1.1: an identifier longer than mqtt.max_client_id_length (64) gets 20 02 00 02 and the close")
    void identifierTooLong311() {
        try (Wire accepted = Wire.open(port, V3_1_1);
                Wire refused = Wire.open(port, V3_1_1)) {
            accepted.send(connect(V3_1_1, "a".repeat(63) + "L"));
            assertThat(accepted.receiveHex()).isEqualTo("20020000");
            refused.send(connect(V3_1_1, "b".repeat(65)));
            assertThat(refused.awaitCloseHex()).isEqualTo("20020002");
        }
    }

    @Test
    @Tag("MQTT-3.1.3-8")
    @Tag("MQTT-3.2.2-6")
    @Tag("MQTT-3.2.2-7")
    @DisplayName("5.0: an identifier longer than mqtt.max_client_id_length gets CONNACK 0x85, session present 0, close")
    void identifierTooLong5() {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect(V5, "c".repeat(65)));
            Wire.Frame frame = client.frame();
            ConnAckPacket connAck = (ConnAckPacket) frame.packet();
            assertThat(connAck.reasonCode()).isEqualTo(ReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
            assertThat(frame.bytes()[2]).as("session present").isZero();
            assertThat(frame.bytes()[3] & 0xFF).isEqualTo(0x85);
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.1.3-6")
    @DisplayName("3.1.1: an empty identifier with Clean Session 1 is accepted: 20 02 00 00")
    void emptyIdentifierWithCleanSession311() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.send(connect(V3_1_1, ""));
            assertThat(client.receiveHex()).isEqualTo("20020000");
            client.send(Packets.subscribe(1, unique("c-anon-"), MqttQos.AT_LEAST_ONCE));
            assertThat(client.receive(SubAckPacket.class).packetId()).isEqualTo(1);
        }
    }

    @Test
    @Tag("MQTT-3.1.3-8")
    @DisplayName("3.1.1: an empty identifier with Clean Session 0 gets exactly 20 02 00 02, then the close")
    void emptyIdentifierWithoutCleanSession311() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.send(connect(V3_1_1, "", false, 60));
            assertThat(client.awaitCloseHex()).isEqualTo("20020002");
        }
    }

    @Test
    @Tag("MQTT-3.1.3-9")
    @DisplayName("3.1: an empty identifier is rejected with exactly 20 02 00 02, then the close")
    void emptyIdentifier31() {
        try (Wire client = Wire.open(port, V3_1)) {
            client.send(connect(V3_1, ""));
            assertThat(client.awaitCloseHex()).isEqualTo("20020002");
        }
    }

    @Test
    @Tag("MQTT-3.1.3-6")
    @Tag("MQTT-3.2.2-16")
    @DisplayName("5.0: an empty identifier gets a unique Assigned Client Identifier in CONNACK, Clean Start or not")
    void emptyIdentifierIsAssigned5() {
        try (Wire first = Wire.open(port, V5);
                Wire second = Wire.open(port, V5)) {
            first.send(connect(V5, ""));
            second.send(connect(V5, "", false, 60));
            ConnAckPacket a = first.receive(ConnAckPacket.class);
            ConnAckPacket b = second.receive(ConnAckPacket.class);
            assertThat(a.reasonCode()).isEqualTo(ReasonCode.SUCCESS);
            assertThat(b.reasonCode()).isEqualTo(ReasonCode.SUCCESS);
            assertThat(a.sessionPresent()).isFalse();
            assertThat(b.sessionPresent()).isFalse();
            String idA = a.properties().assignedClientIdentifier().orElseThrow();
            String idB = b.properties().assignedClientIdentifier().orElseThrow();
            assertThat(idA).isNotEmpty().isNotEqualTo(idB);
            // Still both connected: neither took the other's session over.
            first.send(dev.tern.mqtt.codec.PingReqPacket.INSTANCE);
            assertThat(first.receiveHex()).isEqualTo("d000");
            second.send(dev.tern.mqtt.codec.PingReqPacket.INSTANCE);
            assertThat(second.receiveHex()).isEqualTo("d000");
        }
    }

    @Test
    @Tag("MQTT-3.1.3-7")
    @DisplayName("5.0: the assigned identifier names the session as if the client had sent it")
    void assignedIdentifierNamesTheSession5() {
        String assigned;
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect5("", true, 60));
            assigned = client.receive(ConnAckPacket.class)
                    .properties()
                    .assignedClientIdentifier()
                    .orElseThrow();
            client.send(Packets.disconnect(ReasonCode.SUCCESS));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect5(assigned, false, 60));
            ConnAckPacket connAck = client.receive(ConnAckPacket.class);
            assertThat(connAck.sessionPresent()).isTrue();
            assertThat(connAck.properties().assignedClientIdentifier()).isEmpty();
        }
    }

    // ---- session present -------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.2.2-1")
    @Tag("MQTT-3.2.2-2")
    @Tag("MQTT-3.2.2-3")
    @DisplayName("3.1.1: Session Present is 0 for a new session, 1 for a stored one, 0 with Clean Session 1")
    void sessionPresent311() {
        String id = unique("c-sp-");
        assertThat(connectAndDisconnect(V3_1_1, id, false)).isEqualTo("20020000");
        assertThat(connectAndDisconnect(V3_1_1, id, false)).isEqualTo("20020100");
        assertThat(connectAndDisconnect(V3_1_1, id, true)).isEqualTo("20020000");
        // Clean Session 1 discarded the stored session, and its own ended with the connection.
        assertThat(connectAndDisconnect(V3_1_1, id, false)).isEqualTo("20020000");
    }

    @Test
    @Tag("MQTT-3.2.2-2")
    @Tag("MQTT-3.2.2-3")
    @Tag("MQTT-3.1.2-4")
    @Tag("MQTT-3.1.2-6")
    @DisplayName("5.0: Session Present is 0 for a new session, 1 for a stored one, 0 with Clean Start 1")
    void sessionPresent5() {
        String id = unique("c-sp5-");
        assertThat(connect5AndDisconnect(id, false, 60)).isFalse();
        assertThat(connect5AndDisconnect(id, false, 60)).isTrue();
        assertThat(connect5AndDisconnect(id, true, 0)).isFalse();
        // Clean Start discarded the session; expiry 0 ended the new one with its connection.
        assertThat(connect5AndDisconnect(id, false, 0)).isFalse();
    }

    @Test
    @Tag("MQTT-3.2.2-2")
    @DisplayName("3.1: CONNACK has no Session Present flag in 3.1: exactly 20 02 00 00 even for a stored session")
    void mqtt31HasNoSessionPresent() {
        String id = unique("c-sp31-");
        assertThat(connectAndDisconnect(V3_1, id, false)).isEqualTo("20020000");
        assertThat(connectAndDisconnect(V3_1, id, false)).isEqualTo("20020000");
        // The session was stored all the same: a 3.1.1 reconnect sees it.
        assertThat(connectAndDisconnect(V3_1_1, id, false)).isEqualTo("20020100");
    }

    @Test
    @Tag("MQTT-3.1.2-28")
    @DisplayName("5.0: Response Information only when asked for with Request Response Information 1")
    void responseInformationOnlyWhenRequested5() {
        try (Wire asked = Wire.open(port, V5);
                Wire notAsked = Wire.open(port, V5)) {
            asked.send(connect(
                    V5,
                    unique("c-ri-"),
                    true,
                    60,
                    MqttProperties.builder()
                            .put(dev.tern.mqtt.codec.PropertyId.REQUEST_RESPONSE_INFORMATION, 1)
                            .build(),
                    java.util.Optional.empty()));
            notAsked.send(connect(
                    V5,
                    unique("c-nri-"),
                    true,
                    60,
                    MqttProperties.builder()
                            .put(dev.tern.mqtt.codec.PropertyId.REQUEST_RESPONSE_INFORMATION, 0)
                            .build(),
                    java.util.Optional.empty()));
            assertThat(asked.receive(ConnAckPacket.class).properties().responseInformation())
                    .isPresent();
            assertThat(notAsked.receive(ConnAckPacket.class).properties().responseInformation())
                    .isEmpty();
        }
    }

    @Test
    @Tag("MQTT-3.14.0-1")
    @Tag("MQTT-3.2.0-2")
    @DisplayName(
            "5.0: a malformed packet right behind a good CONNECT: never a DISCONNECT before the CONNACK, one CONNACK")
    void malformedPacketBehindConnect5() {
        try (Wire client = Wire.open(port, V5)) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(bytesOf(connect(V5, unique("c-bad-")), client));
            both.writeBytes(Packets.bytes("c0 ff ff ff ff 01"));
            client.sendBytes(both.toByteArray());
            ConnAckPacket connAck = client.receive(ConnAckPacket.class);
            if (connAck.reasonCode() == ReasonCode.SUCCESS) {
                client.expectDisconnect(0x81);
            } else {
                // Refused before the session was open: a refusing CONNACK is the whole answer [MQTT-3.2.2-7].
                assertThat(connAck.reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
                assertThat(client.awaitCloseHex()).isEmpty();
            }
        }
    }

    @Test
    @Tag("MQTT-3.1.4-2")
    @DisplayName("3.1.1: a second connection with the same identifier closes the first, which is sent nothing")
    void takeover311() {
        String id = unique("c-to-");
        try (Wire first = Wire.connect(port, connect(V3_1_1, id, false, 60));
                Wire second = Wire.open(port, V3_1_1)) {
            second.send(connect(V3_1_1, id, false, 60));
            assertThat(second.receiveHex()).isEqualTo("20020100");
            assertThat(first.awaitCloseHex()).isEmpty();
            second.send(dev.tern.mqtt.codec.PingReqPacket.INSTANCE);
            assertThat(second.receiveHex()).isEqualTo("d000");
        }
    }

    @Test
    @Tag("MQTT-3.1.4-3")
    @DisplayName("5.0: a second connection with the same identifier: the first gets exactly e0 01 8e and the close")
    void takeover5() {
        String id = unique("c-to5-");
        try (Wire first = Wire.connect(port, connect5(id, false, 60));
                Wire second = Wire.open(port, V5)) {
            second.send(connect5(id, false, 60));
            assertThat(second.receive(ConnAckPacket.class).sessionPresent()).isTrue();
            assertThat(first.awaitCloseHex()).isEqualTo("e0018e");
        }
    }

    @Test
    @Tag("MQTT-3.1.2-6")
    @Tag("MQTT-3.2.2-3")
    @DisplayName("3.1.1: taking over a Clean Session 1 connection starts a new session: Session Present 0")
    void takingOverACleanSessionDoesNotReuseItsState311() {
        String id = unique("c-toc-");
        String topic = unique("c-toc/");
        try (Wire first = Wire.connect(port, connect(V3_1_1, id, true, 60));
                Wire second = Wire.open(port, V3_1_1);
                Wire publisher = Wire.connect(port, V3_1_1, unique("c-tocp-"))) {
            first.send(Packets.subscribe(1, topic, MqttQos.AT_LEAST_ONCE));
            first.receive(SubAckPacket.class);
            second.send(connect(V3_1_1, id, false, 60));
            // The session of a Clean Session 1 connection lasts as long as that connection and its state "MUST NOT
            // be reused in any subsequent Session" [MQTT-3.1.2-6]: nothing is present, its subscription is gone.
            assertThat(second.receiveHex()).isEqualTo("20020000");
            assertThat(first.awaitCloseHex()).isEmpty();
            publisher.send(Packets.publish(topic, MqttQos.AT_MOST_ONCE, 0, "x"));
            second.expectNothing();
        }
    }

    @Test
    @Tag("MQTT-3.1.2-6")
    @Tag("MQTT-3.2.2-3")
    @DisplayName(
            "5.0: taking over a connection whose Session Expiry Interval is 0 starts a new session: Session Present 0")
    void takingOverASessionThatEndsWithItsConnection5() {
        String id = unique("c-toc5-");
        try (Wire first = Wire.connect(port, connect5(id, false, 0));
                Wire second = Wire.open(port, V5)) {
            second.send(connect5(id, false, 60));
            assertThat(second.receive(ConnAckPacket.class).sessionPresent()).isFalse();
            assertThat(first.awaitCloseHex()).isEqualTo("e0018e");
        }
    }

    @Test
    @Tag("MQTT-3.1.4-5")
    @DisplayName("3.1.1: after a refused CONNECT, nothing the client sent behind it is processed")
    void nothingAfterARefusedConnectIsProcessed311() {
        String topic = unique("c-ref/");
        try (Wire refused = Wire.open(port, V3_1_1)) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(bytesOf(connect(V3_1_1, "", false, 60), refused));
            both.writeBytes(bytesOf(Packets.retained(topic, MqttQos.AT_MOST_ONCE, 0, "must not be kept"), refused));
            refused.sendBytes(both.toByteArray());
            assertThat(refused.awaitCloseHex()).isEqualTo("20020002");
        }
        try (Wire subscriber = Wire.connect(port, V3_1_1, unique("c-refs-"))) {
            subscriber.send(Packets.subscribe(1, topic, MqttQos.AT_MOST_ONCE));
            subscriber.receive(SubAckPacket.class);
            subscriber.expectNothing();
        }
    }

    // ---- CONNECT timeout
    // ----------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.1.0-1")
    @DisplayName("3.1.1 and 5.0: a connection that sends nothing is closed after mqtt.connect_timeout (1 s)")
    void silentConnectionIsClosedAfterTheConnectTimeout() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            long start = System.nanoTime();
            assertThat(client.awaitClose(Duration.ofSeconds(4))).isEmpty();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMillis).isBetween(800L, 3_500L);
        }
    }

    @Test
    @Tag("MQTT-3.1.0-1")
    @DisplayName("3.1.1 and 5.0: a connection that sends half a CONNECT is closed after mqtt.connect_timeout (1 s)")
    void halfAConnectIsClosedAfterTheConnectTimeout() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(0x10, 0x20, 0x00, 0x04, 'M');
            long start = System.nanoTime();
            assertThat(client.awaitClose(Duration.ofSeconds(4))).isEmpty();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(700L, 3_500L);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String connectAndDisconnect(dev.tern.mqtt.codec.MqttVersion version, String id, boolean clean) {
        try (Wire client = Wire.open(port, version)) {
            client.send(connect(version, id, clean, 60));
            String connAck = client.receiveHex();
            client.send(Packets.disconnect(ReasonCode.SUCCESS));
            assertThat(client.awaitCloseHex()).isEmpty();
            return connAck;
        }
    }

    private static boolean connect5AndDisconnect(String id, boolean cleanStart, long expiry) {
        try (Wire client = Wire.open(port, V5)) {
            client.send(connect5(id, cleanStart, expiry));
            ConnAckPacket connAck = client.receive(ConnAckPacket.class);
            assertThat(connAck.reasonCode()).isEqualTo(ReasonCode.SUCCESS);
            client.send(Packets.disconnect(ReasonCode.SUCCESS));
            assertThat(client.awaitCloseHex()).isEmpty();
            return connAck.sessionPresent();
        }
    }

    private static byte[] bytesOf(dev.tern.mqtt.codec.MqttPacket packet, Wire wire) {
        return Packets.bytes(Packets.hex(packet, wire.version()));
    }
}
