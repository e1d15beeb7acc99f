package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.accept;
import static dev.tern.mqtt.codec.BytesFixtures.assertRejected;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.packet;
import static dev.tern.mqtt.codec.BytesFixtures.server;
import static dev.tern.mqtt.codec.BytesFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SUBSCRIBE (section 3.8) and UNSUBSCRIBE (3.10) payload rules. */
@DisplayName("SUBSCRIBE and UNSUBSCRIBE rules")
class SubscribeRuleTest {

    private static byte[] noProperties(MqttVersion version) {
        return version.isV5() ? bytes(0x00) : bytes(); // property length 0 (5.0 only)
    }

    /** A SUBSCRIBE, packet id 1, with one filter "a/b" and the options byte {@code options}. */
    private static byte[] subscribe(MqttVersion version, int options) {
        return packet(
                0x82, // SUBSCRIBE, flags 0b0010
                bytes(0x00, 0x01), // packet identifier 1
                noProperties(version), // properties
                string("a/b"), // topic filter "a/b"
                bytes(options) // requested QoS / subscription options
                );
    }

    private static SubscriptionOptions acceptedOptions(MqttVersion version, int options) {
        SubscribePacket packet = (SubscribePacket) accept(server(version), subscribe(version, options));
        return packet.subscriptions().get(0).options();
    }

    @Tag("MQTT-3.8.3-3")
    @ParameterizedTest(name = "SUBSCRIBE without topic filters in {0} is a protocol error")
    @EnumSource(MqttVersion.class)
    void subscribeWithNoTopicFiltersIsAProtocolError(MqttVersion version) {
        byte[] subscribe = packet(
                0x82, // SUBSCRIBE, flags 0b0010
                bytes(0x00, 0x01), // packet identifier 1
                noProperties(version) // properties; no payload follows
                );
        assertRejected(server(version), subscribe, ReasonCode.PROTOCOL_ERROR, "MQTT-3.8.3-3");
    }

    @Tag("MQTT-3.8.3-3")
    @ParameterizedTest(name = "SUBSCRIBE with one topic filter in {0} decodes")
    @EnumSource(MqttVersion.class)
    void subscribeWithOneTopicFilterDecodes(MqttVersion version) {
        assertThat(acceptedOptions(version, 0x01).maximumQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
    }

    @Tag("3.8.3")
    @Test
    void topicFilterWithoutItsOptionsByteIsMalformed() {
        byte[] subscribe = packet(
                0x82, // SUBSCRIBE, flags 0b0010
                bytes(0x00, 0x01), // packet identifier 1
                string("a/b") // topic filter "a/b", then the packet ends before the options byte
                );
        assertRejected(server(MqttVersion.V3_1_1), subscribe, ReasonCode.MALFORMED_PACKET, "3.8.3");
    }

    @Tag("MQTT-3-8.3-4")
    @ParameterizedTest(name = "3.1.1 requested QoS byte 0x{0} (a reserved bit set) is malformed")
    @ValueSource(ints = {0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFD})
    void reservedBitsOfRequestedQosIn311AreMalformed(int options) {
        assertRejected(
                server(MqttVersion.V3_1_1),
                subscribe(MqttVersion.V3_1_1, options),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-3-8.3-4");
    }

    @Tag("MQTT-3-8.3-4")
    @Test
    void requestedQos3In311IsMalformed() {
        assertRejected(
                server(MqttVersion.V3_1_1),
                subscribe(MqttVersion.V3_1_1, 0x03), // requested QoS 3
                ReasonCode.MALFORMED_PACKET,
                "MQTT-3-8.3-4");
    }

    @Tag("MQTT-3-8.3-4")
    @ParameterizedTest(name = "3.1.1 requested QoS {0} decodes")
    @ValueSource(ints = {0, 1, 2})
    void requestedQos0To2In311Decodes(int qos) {
        assertThat(acceptedOptions(MqttVersion.V3_1_1, qos)).isEqualTo(SubscriptionOptions.of(MqttQos.of(qos)));
    }

    @Tag("MQTT-3.8.3-5")
    @ParameterizedTest(name = "5.0 subscription options 0x{0} (bit 6 or 7 set) are malformed")
    @ValueSource(ints = {0x40, 0x80, 0xC0, 0x41})
    void reservedBitsOfSubscriptionOptionsIn5AreMalformed(int options) {
        assertRejected(
                server(MqttVersion.V5),
                subscribe(MqttVersion.V5, options),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-3.8.3-5");
    }

    @Tag("MQTT-3.8.3-5")
    @Test
    void everyNonReservedBitOfSubscriptionOptionsIn5Decodes() {
        // 0x2E: retain handling 2, retain as published, no local, maximum QoS 2: bits 0 to 5 in use.
        assertThat(acceptedOptions(MqttVersion.V5, 0x2E))
                .isEqualTo(new SubscriptionOptions(MqttQos.EXACTLY_ONCE, true, true, RetainHandling.DO_NOT_SEND));
    }

    @Tag("3.8.3.1")
    @Test
    void retainHandling3IsAProtocolError() {
        assertRejected(
                server(MqttVersion.V5),
                subscribe(MqttVersion.V5, 0x30), // retain handling 3
                ReasonCode.PROTOCOL_ERROR,
                "3.8.3.1");
    }

    @Tag("3.8.3.1")
    @ParameterizedTest(name = "retain handling {0} decodes")
    @EnumSource(RetainHandling.class)
    void retainHandling0To2Decodes(RetainHandling retainHandling) {
        assertThat(acceptedOptions(MqttVersion.V5, retainHandling.value() << 4).retainHandling())
                .isEqualTo(retainHandling);
    }

    @Tag("3.8.3.1")
    @Test
    void maximumQos3In5IsAProtocolError() {
        assertRejected(
                server(MqttVersion.V5),
                subscribe(MqttVersion.V5, 0x03), // maximum QoS 3
                ReasonCode.PROTOCOL_ERROR,
                "3.8.3.1");
    }

    @Tag("3.8.3.1")
    @Test
    void maximumQos2In5Decodes() {
        assertThat(acceptedOptions(MqttVersion.V5, 0x02).maximumQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
    }

    @Tag("MQTT-3.10.3-2")
    @ParameterizedTest(name = "UNSUBSCRIBE without topic filters in {0} is a protocol error")
    @EnumSource(MqttVersion.class)
    void unsubscribeWithNoTopicFiltersIsAProtocolError(MqttVersion version) {
        byte[] unsubscribe = packet(
                0xA2, // UNSUBSCRIBE, flags 0b0010
                bytes(0x00, 0x01), // packet identifier 1
                noProperties(version) // properties; no payload follows
                );
        assertRejected(server(version), unsubscribe, ReasonCode.PROTOCOL_ERROR, "MQTT-3.10.3-2");
    }

    @Tag("MQTT-3.10.3-2")
    @ParameterizedTest(name = "UNSUBSCRIBE with one topic filter in {0} decodes")
    @EnumSource(MqttVersion.class)
    void unsubscribeWithOneTopicFilterDecodes(MqttVersion version) {
        byte[] unsubscribe = packet(
                0xA2, // UNSUBSCRIBE, flags 0b0010
                bytes(0x00, 0x01), // packet identifier 1
                noProperties(version), // properties
                string("a/b") // topic filter "a/b"
                );
        assertThat(((UnsubscribePacket) accept(server(version), unsubscribe)).topicFilters())
                .containsExactly("a/b");
    }
}
