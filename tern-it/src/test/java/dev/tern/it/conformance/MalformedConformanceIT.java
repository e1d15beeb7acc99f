package dev.tern.it.conformance;

import static dev.tern.it.conformance.Packets.bytes;
import static dev.tern.it.conformance.Packets.mqttString;
import static dev.tern.it.conformance.Packets.of;
import static dev.tern.it.conformance.Packets.publish;
import static dev.tern.it.conformance.Packets.raw;
import static dev.tern.it.conformance.Packets.subscribe;
import static dev.tern.it.conformance.Packets.text;
import static dev.tern.it.conformance.Packets.unique;
import static dev.tern.mqtt.codec.MqttQos.AT_LEAST_ONCE;
import static dev.tern.mqtt.codec.MqttQos.AT_MOST_ONCE;
import static dev.tern.mqtt.codec.MqttVersion.V3_1_1;
import static dev.tern.mqtt.codec.MqttVersion.V5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PingReqPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.testkit.EmbeddedBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Section 4.13 (5.0) / 4.8 (3.1.1) handling errors: a connected client that sends a Malformed Packet or breaks a
 * protocol rule gets DISCONNECT with the spec's reason code (5.0) or a plain close (3.x), and nobody else notices.
 * Errors in CONNECT itself (answered with CONNACK) are in {@link ConnectConformanceIT}.
 */
@DisplayName("4.13 Handling errors (malformed packets, protocol errors, packet size)")
class MalformedConformanceIT {
    private static final int MAX_PACKET_SIZE = 1024;
    /** The fixed header of a PUBLISH announcing 100 MB (Remaining Length 104,857,600). */
    private static final String HUNDRED_MEGABYTES_PUBLISH = "30 80 80 80 32";

    private static EmbeddedBroker broker;
    private static int port;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(
                Map.of("sys.interval", "0", "mqtt.connect_timeout", "5", "mqtt.max_packet_size", "" + MAX_PACKET_SIZE));
        port = broker.port();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** A connected 5.0 client sends {@code hex}: DISCONNECT with {@code code}, then the close. */
    private static void rejected5(String hex, int code) {
        try (Wire client = Wire.connect(port, V5, unique("m-5-"))) {
            client.sendBytes(bytes(hex));
            client.expectDisconnect(code);
        }
    }

    /** A connected 3.1.1 client sends {@code hex}: the server closes the connection without sending anything. */
    private static void rejected311(String hex) {
        try (Wire client = Wire.connect(port, V3_1_1, unique("m-3-"))) {
            client.sendBytes(bytes(hex));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
    }

    private static String hexOf(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** A PUBLISH body by hand: topic bytes, packet id (QoS > 0), property length 0 for 5.0, payload. */
    private static String rawPublish(MqttVersion version, int firstByte, byte[] topic, int packetId) {
        byte[] length = of(topic.length >> 8, topic.length);
        byte[] id = (firstByte & 0x06) != 0 ? of(packetId >> 8, packetId) : new byte[0];
        byte[] properties = version.isV5() ? of(0) : new byte[0];
        return hexOf(raw(firstByte, length, topic, id, properties, of('x')));
    }

    // ---- fixed header ----------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.3.1-4")
    @DisplayName("3.1.1 and 5.0: PUBLISH with both QoS bits set: 3.1.1 close, 5.0 DISCONNECT 0x81")
    void publishWithQosThree() {
        rejected311(rawPublish(V3_1_1, 0x36, Packets.utf8("a"), 1));
        rejected5(rawPublish(V5, 0x36, Packets.utf8("a"), 1), 0x81);
    }

    @Test
    @Tag("MQTT-3.3.1-2")
    @DisplayName("3.1.1 and 5.0: QoS 0 PUBLISH with DUP 1: 3.1.1 close, 5.0 DISCONNECT 0x81")
    void qos0WithDup() {
        rejected311(rawPublish(V3_1_1, 0x38, Packets.utf8("a"), 0));
        rejected5(rawPublish(V5, 0x38, Packets.utf8("a"), 0), 0x81);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"80 06 00 01 00 01 61 00", "a0 05 00 01 00 01 61", "60 02 00 01", "c1 00", "43 02 00 01"})
    @Tag("MQTT-2.2.2-2")
    @Tag("MQTT-3.8.1-1")
    @Tag("MQTT-3.10.1-1")
    @Tag("MQTT-3.6.1-1")
    @DisplayName(
            "3.1.1: wrong fixed-header flags (SUBSCRIBE, UNSUBSCRIBE, PUBREL, PINGREQ, PUBACK) close the connection")
    void wrongFixedHeaderFlags311(String hex) {
        rejected311(hex);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"80 07 00 01 00 00 01 61 00", "a0 06 00 01 00 00 01 61", "60 02 00 01", "c1 00", "e1 00"})
    @Tag("MQTT-2.1.3-1")
    @Tag("MQTT-3.8.1-1")
    @Tag("MQTT-3.10.1-1")
    @Tag("MQTT-3.6.1-1")
    @Tag("MQTT-3.14.1-1")
    @DisplayName("5.0: wrong fixed-header flags (SUBSCRIBE, UNSUBSCRIBE, PUBREL, PINGREQ, DISCONNECT): DISCONNECT 0x81")
    void wrongFixedHeaderFlags5(String hex) {
        rejected5(hex, 0x81);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c0 ff ff ff ff 01", "c0 80 00", "c0 01 00"})
    @Tag("MQTT-1.5.5-1")
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: a Remaining Length of 5 bytes, not minimally encoded, or beyond the content: DISCONNECT 0x81")
    void badRemainingLength5(String hex) {
        rejected5(hex, 0x81);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c0 ff ff ff ff 01", "c0 01 00"})
    @Tag("MQTT-4.8.0-1")
    @DisplayName("3.1.1: a Remaining Length of 5 bytes or beyond the content closes the connection")
    void badRemainingLength311(String hex) {
        rejected311(hex);
    }

    @Test
    @Tag("MQTT-4.8.0-1")
    @Tag("MQTT-4.13.1-1")
    @DisplayName("3.1.1 and 5.0: a packet only servers send (CONNACK): 3.1.1 close, 5.0 DISCONNECT 0x82")
    void serverOnlyPacketFromAClient() {
        rejected311("20 02 00 00");
        rejected5("20 03 00 00 00", 0x82);
    }

    @Test
    @Tag("MQTT-4.8.0-1")
    @DisplayName("3.1.1: AUTH (packet type 15, reserved before 5.0) closes the connection")
    void authBeforeMqtt5() {
        rejected311("f0 00");
    }

    // ---- strings and topics
    // -------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-1.5.3-1")
    @DisplayName("3.1.1: a topic that is not well-formed UTF-8 closes the connection")
    void illFormedUtf8311() {
        rejected311(rawPublish(V3_1_1, 0x30, of(0xC3, 0x28), 0));
    }

    @Test
    @Tag("MQTT-1.5.4-1")
    @DisplayName("5.0: a topic that is not well-formed UTF-8 is a Malformed Packet: DISCONNECT 0x81")
    void illFormedUtf85() {
        rejected5(rawPublish(V5, 0x30, of(0xED, 0xA0, 0x80), 0), 0x81); // an encoded surrogate
    }

    @Test
    @Tag("MQTT-1.5.3-2")
    @DisplayName("3.1.1: a topic containing U+0000 closes the connection")
    void nullCharacter311() {
        rejected311(rawPublish(V3_1_1, 0x30, of('a', 0), 0));
    }

    @Test
    @Tag("MQTT-1.5.4-2")
    @Tag("MQTT-4.7.3-2")
    @DisplayName("5.0: a topic containing U+0000 is a Malformed Packet: DISCONNECT 0x81")
    void nullCharacter5() {
        rejected5(rawPublish(V5, 0x30, of('a', 0), 0), 0x81);
    }

    @Test
    @Tag("MQTT-3.3.2-2")
    @Tag("MQTT-4.7.0-1")
    @DisplayName("3.1.1 and 5.0: a Topic Name with a wildcard: 3.1.1 close, 5.0 DISCONNECT 0x90")
    void wildcardInTopicName() {
        rejected311(rawPublish(V3_1_1, 0x30, Packets.utf8("a/#"), 0));
        rejected5(rawPublish(V5, 0x32, Packets.utf8("a/+"), 1), 0x90);
    }

    @Test
    @Tag("MQTT-4.7.3-1")
    @DisplayName("3.1.1: an empty Topic Name closes the connection")
    void emptyTopicName311() {
        rejected311(rawPublish(V3_1_1, 0x30, new byte[0], 0));
    }

    @Test
    @Tag("MQTT-2.3.1-1")
    @DisplayName("3.1.1: a QoS 1 PUBLISH with Packet Identifier 0 closes the connection")
    void packetIdZero311() {
        rejected311(rawPublish(V3_1_1, 0x32, Packets.utf8("a"), 0));
    }

    @Test
    @Tag("MQTT-2.2.1-3")
    @DisplayName("5.0: a QoS 1 PUBLISH with Packet Identifier 0 is a Malformed Packet: DISCONNECT 0x81")
    void packetIdZero5() {
        rejected5(rawPublish(V5, 0x32, Packets.utf8("a"), 0), 0x81);
    }

    // ---- SUBSCRIBE / UNSUBSCRIBE
    // --------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-4.7.1-2")
    @Tag("MQTT-4.7.1-3")
    @DisplayName("3.1.1: filters a/#/b and a/b+ (wildcards not on a whole level, # not last) close the connection")
    void invalidFilters311() {
        rejected311(hexOf(raw(0x82, of(0, 1), mqttString("a/#/b"), of(0))));
        rejected311(hexOf(raw(0x82, of(0, 1), mqttString("a/b+"), of(0))));
    }

    @Test
    @Tag("MQTT-4.7.1-1")
    @Tag("MQTT-4.7.1-2")
    @DisplayName("5.0: filters a/#/b and a/b+ are Malformed Packets: DISCONNECT 0x81")
    void invalidFilters5() {
        rejected5(hexOf(raw(0x82, of(0, 1, 0), mqttString("a/#/b"), of(0))), 0x81);
        rejected5(hexOf(raw(0x82, of(0, 1, 0), mqttString("a/b+"), of(0))), 0x81);
    }

    @Test
    @Tag("MQTT-4.8.2-1")
    @Tag("MQTT-4.8.2-2")
    @DisplayName("5.0: shared filters $share//t, $share/g+/t and $share/g are Malformed Packets: DISCONNECT 0x81")
    void invalidSharedFilters5() {
        for (String filter : new String[] {"$share//t", "$share/g+/t", "$share/g"}) {
            rejected5(hexOf(raw(0x82, of(0, 1, 0), mqttString(filter), of(0))), 0x81);
        }
    }

    @Test
    @Tag("MQTT-3.8.3-3")
    @DisplayName("3.1.1: SUBSCRIBE without a topic filter closes the connection")
    void emptySubscribe311() {
        rejected311("82 02 00 01");
    }

    @Test
    @Tag("MQTT-3.8.3-2")
    @DisplayName("5.0: SUBSCRIBE without a topic filter is a Protocol Error: DISCONNECT 0x82")
    void emptySubscribe5() {
        rejected5("82 03 00 01 00", 0x82);
    }

    @Test
    @Tag("MQTT-3.10.3-2")
    @DisplayName("3.1.1 and 5.0: UNSUBSCRIBE without a topic filter: 3.1.1 close, 5.0 DISCONNECT 0x82")
    void emptyUnsubscribe() {
        rejected311("a2 02 00 01");
        rejected5("a2 03 00 01 00", 0x82);
    }

    @Test
    @Tag("MQTT-3-8.3-4")
    @DisplayName("3.1.1: reserved bits in the Requested QoS byte, or QoS 3, close the connection")
    void reservedRequestedQosBits311() {
        rejected311(hexOf(raw(0x82, of(0, 1), mqttString("a"), of(0x04))));
        rejected311(hexOf(raw(0x82, of(0, 1), mqttString("a"), of(0x03))));
    }

    @Test
    @Tag("MQTT-3.8.3-5")
    @DisplayName("5.0: reserved Subscription Options bits set: Malformed Packet, DISCONNECT 0x81")
    void reservedSubscriptionOptionBits5() {
        rejected5(hexOf(raw(0x82, of(0, 1, 0), mqttString("a"), of(0x40))), 0x81);
    }

    @Test
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: Maximum QoS 3 or Retain Handling 3 in Subscription Options: Protocol Error, DISCONNECT 0x82")
    void invalidSubscriptionOptionValues5() {
        rejected5(hexOf(raw(0x82, of(0, 1, 0), mqttString("a"), of(0x03))), 0x82);
        rejected5(hexOf(raw(0x82, of(0, 1, 0), mqttString("a"), of(0x30))), 0x82);
    }

    // ---- properties
    // ---------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.3.4-6")
    @DisplayName("5.0: a client PUBLISH carrying a Subscription Identifier is a Protocol Error: DISCONNECT 0x82")
    void subscriptionIdentifierFromAClient5() {
        rejected5(hexOf(raw(0x30, mqttString("a"), of(2, 0x0B, 1), of('x'))), 0x82);
    }

    @Test
    @Tag("MQTT-3.3.2-14")
    @DisplayName("5.0: a Response Topic with a wildcard is a Protocol Error: DISCONNECT 0x82")
    void responseTopicWithAWildcard5() {
        rejected5(hexOf(raw(0x30, mqttString("a"), of(6, 0x08, 0, 3, 'r', '/', '#'), of('x'))), 0x82);
    }

    @Test
    @Tag("MQTT-4.7.0-1")
    @DisplayName("3.1.1 and 5.0: a Will Topic with a wildcard: 3.1.1 close without CONNACK, 5.0 exactly 20 03 00 90 00")
    void willTopicWithAWildcard() {
        try (Wire client = Wire.open(port, V3_1_1)) {
            client.sendBytes(Packets.rawConnect(
                    "MQTT", 4, 0x02 | 0x04, null, mqttString(unique("m-wt-")), mqttString("w/+"), of(0, 0)));
            assertThat(client.awaitCloseHex()).isEmpty();
        }
        try (Wire client = Wire.open(port, V5)) {
            client.sendBytes(Packets.rawConnect(
                    "MQTT", 5, 0x02 | 0x04, of(0), mqttString(unique("m-wt5-")), of(0), mqttString("w/#"), of(0, 0)));
            assertThat(client.awaitCloseHex()).isEqualTo("2003009000");
        }
    }

    @Test
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: a property a PUBLISH may not carry (Session Expiry Interval) is malformed: DISCONNECT 0x81")
    void propertyNotAllowedInThePacket5() {
        rejected5(hexOf(raw(0x30, mqttString("a"), of(5, 0x11, 0, 0, 0, 1), of('x'))), 0x81);
    }

    @Test
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: a single-valued property given twice is a Protocol Error (2.2.2.2): DISCONNECT 0x82")
    void repeatedProperty5() {
        rejected5(hexOf(raw(0x30, mqttString("a"), of(4, 0x01, 0, 0x01, 0), of('x'))), 0x82);
    }

    // ---- packet size ------------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-3.2.2-15")
    @Tag("MQTT-4.13.1-1")
    @DisplayName("5.0: a fixed header announcing 100 MB beyond mqtt.max_packet_size: DISCONNECT 0x95 at once")
    void announcedPacketTooLarge5() {
        try (Wire client = Wire.connect(port, V5, unique("m-big5-"))) {
            long start = System.nanoTime();
            client.sendBytes(bytes(HUNDRED_MEGABYTES_PUBLISH));
            client.expectDisconnect(0x95);
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("refused from the fixed header, without waiting for (or buffering) the body")
                    .isLessThan(2_000L);
        }
    }

    @Test
    @Tag("MQTT-4.8.0-1")
    @DisplayName("3.1.1: a fixed header announcing 100 MB closes the connection at once, nothing sent")
    void announcedPacketTooLarge311() {
        try (Wire client = Wire.connect(port, V3_1_1, unique("m-big3-"))) {
            long start = System.nanoTime();
            client.sendBytes(bytes(HUNDRED_MEGABYTES_PUBLISH));
            assertThat(client.awaitClose(Duration.ofSeconds(2))).isEmpty();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000L);
        }
    }

    @Test
    @Tag("MQTT-3.1.4-1")
    @DisplayName("3.1.1 and 5.0: a CONNECT announcing 100 MB is refused from its fixed header: closed at once")
    void announcedConnectTooLarge() {
        try (Wire client = Wire.open(port, V5)) {
            long start = System.nanoTime();
            client.sendBytes(bytes("10 80 80 80 32"));
            assertThat(client.awaitClose(Duration.ofSeconds(2))).isEmpty();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000L);
        }
    }

    @Test
    @Tag("MQTT-3.2.2-15")
    @DisplayName("5.0: a packet of exactly mqtt.max_packet_size bytes is accepted, one byte more gets DISCONNECT 0x95")
    void packetSizeLimitIsExact5() {
        String topic = unique("m-size/");
        PublishPacket fits = sized(topic, MAX_PACKET_SIZE);
        PublishPacket tooBig = sized(topic, MAX_PACKET_SIZE + 1);
        assertThat(MqttEncoder.encodedSize(fits, V5)).isEqualTo(MAX_PACKET_SIZE);
        assertThat(MqttEncoder.encodedSize(tooBig, V5)).isEqualTo(MAX_PACKET_SIZE + 1);
        try (Wire client = Wire.connect(port, V5, unique("m-size-"))) {
            client.send(fits);
            assertThat(client.receiveHex())
                    .as("PUBACK 0x10: accepted, nobody subscribes")
                    .isEqualTo("4003000110");
            client.send(tooBig);
            client.expectDisconnect(0x95);
        }
    }

    private static PublishPacket sized(String topic, int total) {
        int payload = total - 1 - 2 - (2 + topic.length()) - 2 - 1; // header, 2-byte length, topic, id, properties
        return publish(false, topic, AT_LEAST_ONCE, 1, new byte[payload], false, MqttProperties.EMPTY);
    }

    // ---- everyone else ---------------------------------------------------------------------------------------------

    @Test
    @Tag("MQTT-4.13.1-1")
    @Tag("MQTT-4.8.0-1")
    @DisplayName("3.1.1 and 5.0: a client cut off for a bad packet does not disturb the other clients")
    void otherClientsAreUnaffected() {
        String topic = unique("m-others/");
        try (Wire bystander3 = Wire.connect(port, V3_1_1, unique("m-by3-"));
                Wire bystander5 = Wire.connect(port, V5, unique("m-by5-"))) {
            bystander3.send(subscribe(1, topic, AT_MOST_ONCE));
            bystander3.receive(SubAckPacket.class);
            bystander5.send(subscribe(1, topic, AT_MOST_ONCE));
            bystander5.receive(SubAckPacket.class);

            rejected5(HUNDRED_MEGABYTES_PUBLISH, 0x95);
            rejected311(rawPublish(V3_1_1, 0x36, Packets.utf8("a"), 1));
            rejected5("c0 ff ff ff ff 01", 0x81);

            try (Wire publisher = Wire.connect(port, V5, unique("m-pub-"))) {
                publisher.send(publish(topic, AT_MOST_ONCE, 0, "still here"));
            }
            assertThat(text(bystander3.receive(PublishPacket.class))).isEqualTo("still here");
            assertThat(text(bystander5.receive(PublishPacket.class))).isEqualTo("still here");
            bystander3.send(PingReqPacket.INSTANCE);
            assertThat(bystander3.receiveHex()).isEqualTo("d000");
            bystander5.send(PingReqPacket.INSTANCE);
            assertThat(bystander5.receiveHex()).isEqualTo("d000");
        }
    }
}
