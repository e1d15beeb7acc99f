package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.accept;
import static dev.tern.mqtt.codec.BytesFixtures.assertAccepted;
import static dev.tern.mqtt.codec.BytesFixtures.assertRejected;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.client;
import static dev.tern.mqtt.codec.BytesFixtures.packet;
import static dev.tern.mqtt.codec.BytesFixtures.properties;
import static dev.tern.mqtt.codec.BytesFixtures.server;
import static dev.tern.mqtt.codec.BytesFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules of Topic Names, Topic Filters (section 4.7) and shared subscriptions (4.8.2). */
@DisplayName("topic name and topic filter rules")
class TopicRuleTest {

    /** A QoS 0 PUBLISH with {@code topic} and payload "p" (with an empty property block in 5.0). */
    private static byte[] publish(MqttVersion version, String topic) {
        return packet(
                0x30, // PUBLISH, QoS 0
                string(topic), // topic name
                version.isV5() ? bytes(0x00) : bytes(), // property length 0 (5.0 only)
                bytes('p') // payload "p"
                );
    }

    /** A SUBSCRIBE with one {@code filter} and the options byte {@code options}. */
    private static byte[] subscribe(MqttVersion version, String filter, int options) {
        return packet(
                0x82, // SUBSCRIBE, flags 0b0010
                bytes(0x00, 0x01), // packet identifier 1
                version.isV5() ? bytes(0x00) : bytes(), // property length 0 (5.0 only)
                string(filter), // topic filter
                bytes(options) // subscription options
                );
    }

    /** An UNSUBSCRIBE with one {@code filter}. */
    private static byte[] unsubscribe(MqttVersion version, String filter) {
        return packet(
                0xA2, // UNSUBSCRIBE, flags 0b0010
                bytes(0x00, 0x01), // packet identifier 1
                version.isV5() ? bytes(0x00) : bytes(), // property length 0 (5.0 only)
                string(filter) // topic filter
                );
    }

    // --- Topic Names ---------------------------------------------------------------------------------------------

    @Tag("MQTT-4.7.3-1")
    @ParameterizedTest(name = "an empty topic name in {0} is a protocol error")
    @EnumSource(
            value = MqttVersion.class,
            names = {"V3_1", "V3_1_1"})
    void emptyTopicNameBefore5IsAProtocolError(MqttVersion version) {
        assertRejected(server(version), publish(version, ""), ReasonCode.PROTOCOL_ERROR, "MQTT-4.7.3-1");
    }

    @Tag("3.3.2.3.4")
    @Test
    void emptyTopicNameWithoutTopicAliasIn5IsAProtocolError() {
        assertRejected(server(MqttVersion.V5), publish(MqttVersion.V5, ""), ReasonCode.PROTOCOL_ERROR, "3.3.2.3.4");
    }

    @Tag("3.3.2.3.4")
    @Test
    void emptyTopicNameWithTopicAliasIn5Decodes() {
        byte[] publish = packet(
                0x30, // PUBLISH, QoS 0
                string(""), // topic name ""
                properties(bytes(0x23, 0x00, 0x01)), // topic alias 1
                bytes('p') // payload "p"
                );
        assertAccepted(server(MqttVersion.V5), publish, PacketType.PUBLISH);
    }

    @Tag("MQTT-3.3.2-2")
    @ParameterizedTest(name = "topic name \"{0}\" is invalid (0x90)")
    @ValueSource(strings = {"+", "#", "a/+", "a/#", "a+b", "sport/tennis/#", "+/x"})
    void topicNameWithWildcardIsInvalid(String topic) {
        for (MqttVersion version : MqttVersion.values()) {
            assertRejected(server(version), publish(version, topic), ReasonCode.TOPIC_NAME_INVALID, "MQTT-3.3.2-2");
            assertRejected(client(version), publish(version, topic), ReasonCode.TOPIC_NAME_INVALID, "MQTT-3.3.2-2");
        }
    }

    @Tag("MQTT-3.3.2-2")
    @ParameterizedTest(name = "topic name \"{0}\" decodes")
    @ValueSource(strings = {"a", "a/b", "/", "a//b", "/a/", "$SYS/x", "a b"})
    void topicNameWithoutWildcardDecodes(String topic) {
        for (MqttVersion version : MqttVersion.values()) {
            MqttPacket packet = accept(server(version), publish(version, topic));
            try {
                assertThat(((PublishPacket) packet).topic()).isEqualTo(topic);
            } finally {
                BytesFixtures.release(packet);
            }
        }
    }

    // --- Topic Filters -------------------------------------------------------------------------------------------

    @Tag("MQTT-4.7.1-1")
    @Tag("MQTT-4.7.1-2")
    @ParameterizedTest(name = "topic filter \"{0}\" is malformed ({1})")
    @CsvSource({
        "a+/b, MQTT-4.7.1-2",
        "a/b+, MQTT-4.7.1-2",
        "+a, MQTT-4.7.1-2",
        "a/++, MQTT-4.7.1-2",
        "a/#/b, MQTT-4.7.1-1",
        "a#, MQTT-4.7.1-1",
        "'#/a', MQTT-4.7.1-1",
        "a/b#, MQTT-4.7.1-1",
        "'##', MQTT-4.7.1-1"
    })
    void illFormedTopicFilterIsMalformed(String filter, String rule) {
        for (MqttVersion version : MqttVersion.values()) {
            assertRejected(server(version), subscribe(version, filter, 0), ReasonCode.MALFORMED_PACKET, rule);
            assertRejected(server(version), unsubscribe(version, filter), ReasonCode.MALFORMED_PACKET, rule);
        }
    }

    @Tag("MQTT-4.7.3-1")
    @Test
    void emptyTopicFilterIsMalformed() {
        for (MqttVersion version : MqttVersion.values()) {
            assertRejected(server(version), subscribe(version, "", 0), ReasonCode.MALFORMED_PACKET, "MQTT-4.7.3-1");
            assertRejected(server(version), unsubscribe(version, ""), ReasonCode.MALFORMED_PACKET, "MQTT-4.7.3-1");
        }
    }

    @Tag("MQTT-4.7.1-1")
    @Tag("MQTT-4.7.1-2")
    @ParameterizedTest(name = "topic filter \"{0}\" decodes")
    @ValueSource(strings = {"+", "#", "a/+/b/#", "+/+", "/", "/#", "a//b", "+/#", "$SYS/#", "a/b"})
    void wellFormedTopicFilterDecodes(String filter) {
        for (MqttVersion version : MqttVersion.values()) {
            MqttPacket subscribe = accept(server(version), subscribe(version, filter, 1));
            assertThat(((SubscribePacket) subscribe).subscriptions().get(0).topicFilter())
                    .isEqualTo(filter);
            MqttPacket unsubscribe = accept(server(version), unsubscribe(version, filter));
            assertThat(((UnsubscribePacket) unsubscribe).topicFilters()).containsExactly(filter);
        }
    }

    // --- Shared subscriptions ------------------------------------------------------------------------------------

    @Tag("MQTT-4.8.2-1")
    @Tag("MQTT-4.8.2-2")
    @ParameterizedTest(name = "shared filter \"{0}\" is malformed ({1})")
    @CsvSource({
        "$share/g, MQTT-4.8.2-2",
        "$share/g/, MQTT-4.8.2-2",
        "$share//a, MQTT-4.8.2-1",
        "$share/g+/a, MQTT-4.8.2-1",
        "$share/g#/a, MQTT-4.8.2-1",
        "$share/+/a, MQTT-4.8.2-1",
        "$share/g/a+, MQTT-4.7.1-2",
        "$share/g/#/a, MQTT-4.7.1-1"
    })
    void illFormedSharedSubscriptionIsMalformed(String filter, String rule) {
        assertRejected(server(MqttVersion.V5), subscribe(MqttVersion.V5, filter, 0), ReasonCode.MALFORMED_PACKET, rule);
        assertRejected(server(MqttVersion.V5), unsubscribe(MqttVersion.V5, filter), ReasonCode.MALFORMED_PACKET, rule);
    }

    @Tag("MQTT-4.8.2-1")
    @Tag("MQTT-4.8.2-2")
    @ParameterizedTest(name = "shared filter \"{0}\" decodes")
    @ValueSource(strings = {"$share/g/a/#", "$share/group/+", "$share/g/#", "$share/g/a", "$share/g//"})
    void wellFormedSharedSubscriptionDecodes(String filter) {
        MqttPacket packet = accept(server(MqttVersion.V5), subscribe(MqttVersion.V5, filter, 2));
        assertThat(TopicSyntax.isShared(filter)).isTrue();
        assertThat(((SubscribePacket) packet).subscriptions().get(0).topicFilter())
                .isEqualTo(filter);
    }

    @Tag("MQTT-3.8.3-4")
    @Test
    void noLocalOnASharedSubscriptionIsAProtocolError() {
        assertRejected(
                server(MqttVersion.V5),
                subscribe(MqttVersion.V5, "$share/g/a", 0x04), // options: no local, QoS 0
                ReasonCode.PROTOCOL_ERROR,
                "MQTT-3.8.3-4");
    }

    @Tag("MQTT-3.8.3-4")
    @Test
    void noLocalOnANonSharedSubscriptionAndASharedOneWithoutNoLocalDecode() {
        MqttPacket plain = accept(server(MqttVersion.V5), subscribe(MqttVersion.V5, "a", 0x04)); // no local
        assertThat(((SubscribePacket) plain).subscriptions().get(0).options().noLocal())
                .isTrue();
        MqttPacket shared = accept(server(MqttVersion.V5), subscribe(MqttVersion.V5, "$share/g/a", 0x08)); // RAP
        assertThat(((SubscribePacket) shared).subscriptions().get(0).options().retainAsPublished())
                .isTrue();
    }
}
