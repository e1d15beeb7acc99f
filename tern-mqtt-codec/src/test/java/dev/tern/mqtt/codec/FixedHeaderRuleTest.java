package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.CONNECT_3_1_1;
import static dev.tern.mqtt.codec.BytesFixtures.CONNECT_5;
import static dev.tern.mqtt.codec.BytesFixtures.MAX_PACKET_SIZE;
import static dev.tern.mqtt.codec.BytesFixtures.accept;
import static dev.tern.mqtt.codec.BytesFixtures.assertAccepted;
import static dev.tern.mqtt.codec.BytesFixtures.assertRejected;
import static dev.tern.mqtt.codec.BytesFixtures.buffer;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.client;
import static dev.tern.mqtt.codec.BytesFixtures.concat;
import static dev.tern.mqtt.codec.BytesFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules of the fixed header and of packet order (sections 2.1 and 3.1.0): reserved flags, reserved packet types, which
 * side may send which packet, and CONNECT first and only once. Each rule has its failing and its passing case.
 */
@DisplayName("fixed header and packet order rules")
class FixedHeaderRuleTest {

    /**
     * A valid packet of {@code type} (5.0 for AUTH, 3.1.1 otherwise) with the fixed-header flags {@code flags}, the
     * body unchanged, so that only the flags can be wrong.
     */
    private static byte[] withFlags(PacketType type, int flags) {
        byte[] packet = switch (type) {
            case CONNECT -> CONNECT_3_1_1.clone();
            case CONNACK ->
                concat(
                        bytes(0x20), // CONNACK
                        bytes(0x02), // remaining length 2
                        bytes(0x00), // acknowledge flags
                        bytes(0x00) // return code 0
                        );
            case PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK ->
                concat(
                        bytes(type.code() << 4), // the type, flags set below
                        bytes(0x02), // remaining length 2
                        bytes(0x00, 0x01) // packet identifier 1
                        );
            case SUBSCRIBE ->
                concat(
                        bytes(0x80), // SUBSCRIBE, flags set below
                        bytes(0x06), // remaining length 6
                        bytes(0x00, 0x01), // packet identifier 1
                        bytes(0x00, 0x01, 'a'), // topic filter "a"
                        bytes(0x00) // requested QoS 0
                        );
            case SUBACK ->
                concat(
                        bytes(0x90), // SUBACK
                        bytes(0x03), // remaining length 3
                        bytes(0x00, 0x01), // packet identifier 1
                        bytes(0x00) // granted QoS 0
                        );
            case UNSUBSCRIBE ->
                concat(
                        bytes(0xA0), // UNSUBSCRIBE, flags set below
                        bytes(0x05), // remaining length 5
                        bytes(0x00, 0x01), // packet identifier 1
                        bytes(0x00, 0x01, 'a') // topic filter "a"
                        );
            case PINGREQ, PINGRESP, DISCONNECT, AUTH ->
                concat(
                        bytes(type.code() << 4), // the type, flags set below
                        bytes(0x00) // remaining length 0
                        );
            case PUBLISH -> throw new IllegalArgumentException("PUBLISH flags carry DUP, QoS and RETAIN");
        };
        packet[0] = (byte) (type.code() << 4 | flags);
        return packet;
    }

    /** The decoder that receives {@code type}: a fresh server for CONNECT, a connected server or a client otherwise. */
    private static MqttDecoder receiverOf(PacketType type) {
        MqttVersion version = type == PacketType.AUTH ? MqttVersion.V5 : MqttVersion.V3_1_1;
        return switch (type) {
            case CONNECT -> MqttDecoder.forServer(MAX_PACKET_SIZE);
            case CONNACK, SUBACK, UNSUBACK, PINGRESP -> client(version);
            default -> server(version);
        };
    }

    static Stream<Arguments> everyWrongFlagValue() {
        return Arrays.stream(PacketType.values())
                .filter(type -> type != PacketType.PUBLISH)
                .flatMap(type -> IntStream.range(0, 16)
                        .filter(flags -> flags != type.requiredFlags())
                        .mapToObj(flags -> Arguments.of(type, flags)));
    }

    @Tag("MQTT-2.1.3-1")
    @ParameterizedTest(name = "{0} with fixed-header flags {1} is malformed")
    @MethodSource("everyWrongFlagValue")
    void fixedHeaderFlagsOtherThanTheRequiredOnesAreMalformed(PacketType type, int flags) {
        assertRejected(receiverOf(type), withFlags(type, flags), ReasonCode.MALFORMED_PACKET, "MQTT-2.1.3-1");
    }

    @Tag("MQTT-2.1.3-1")
    @ParameterizedTest(name = "{0} with its required fixed-header flags decodes")
    @EnumSource(value = PacketType.class, names = "PUBLISH", mode = EnumSource.Mode.EXCLUDE)
    void fixedHeaderWithTheRequiredFlagsDecodes(PacketType type) {
        assertAccepted(receiverOf(type), withFlags(type, type.requiredFlags()), type);
    }

    @Tag("MQTT-3.6.1-1")
    @Test
    void pubrelWithFlagsZeroIsMalformed() {
        byte[] pubrel = concat(
                bytes(0x60), // PUBREL with flags 0 (must be 0b0010)
                bytes(0x02), // remaining length 2
                bytes(0x00, 0x01) // packet identifier 1
                );
        assertRejected(server(MqttVersion.V5), pubrel, ReasonCode.MALFORMED_PACKET, "MQTT-2.1.3-1");
    }

    @Tag("MQTT-3.8.1-1")
    @Test
    void subscribeWithFlagsZeroIsMalformed() {
        assertRejected(
                server(MqttVersion.V3_1_1),
                withFlags(PacketType.SUBSCRIBE, 0),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-2.1.3-1");
    }

    @Tag("MQTT-3.10.1-1")
    @Test
    void unsubscribeWithFlagsZeroIsMalformed() {
        assertRejected(
                server(MqttVersion.V3_1_1),
                withFlags(PacketType.UNSUBSCRIBE, 0),
                ReasonCode.MALFORMED_PACKET,
                "MQTT-2.1.3-1");
    }

    @Tag("2.1.2")
    @ParameterizedTest(name = "packet type 0 is reserved in {0}")
    @EnumSource(MqttVersion.class)
    void packetType0IsMalformed(MqttVersion version) {
        byte[] reserved = concat(
                bytes(0x00), // packet type 0 (reserved), flags 0
                bytes(0x00) // remaining length 0
                );
        assertRejected(server(version), reserved, ReasonCode.MALFORMED_PACKET, "2.1.2");
        assertRejected(client(version), reserved, ReasonCode.MALFORMED_PACKET, "2.1.2");
    }

    @Tag("2.1.2")
    @ParameterizedTest(name = "AUTH (type 15) is reserved in {0}")
    @EnumSource(
            value = MqttVersion.class,
            names = {"V3_1", "V3_1_1"})
    void authBeforeMqtt5IsMalformed(MqttVersion version) {
        byte[] auth = concat(
                bytes(0xF0), // packet type 15 (AUTH in 5.0, reserved before), flags 0
                bytes(0x00) // remaining length 0
                );
        assertRejected(server(version), auth, ReasonCode.MALFORMED_PACKET, "2.1.2");
        assertRejected(client(version), auth, ReasonCode.MALFORMED_PACKET, "2.1.2");
    }

    @Tag("2.1.2")
    @Test
    void authInMqtt5DecodesBothWays() {
        byte[] auth = concat(
                bytes(0xF0), // AUTH, flags 0
                bytes(0x00) // remaining length 0
                );
        assertAccepted(server(MqttVersion.V5), auth, PacketType.AUTH);
        assertAccepted(client(MqttVersion.V5), auth, PacketType.AUTH);
    }

    @Tag("2.1.2")
    @ParameterizedTest(name = "{0} sent to a server is a protocol error")
    @EnumSource(
            value = PacketType.class,
            names = {"CONNACK", "SUBACK", "UNSUBACK", "PINGRESP"})
    void serverToClientPacketSentToAServerIsAProtocolError(PacketType type) {
        assertRejected(server(MqttVersion.V3_1_1), withFlags(type, 0), ReasonCode.PROTOCOL_ERROR, "2.1.2");
    }

    @Tag("2.1.2")
    @ParameterizedTest(name = "{0} sent to a client is a protocol error")
    @EnumSource(
            value = PacketType.class,
            names = {"CONNECT", "SUBSCRIBE", "UNSUBSCRIBE", "PINGREQ"})
    void clientToServerPacketSentToAClientIsAProtocolError(PacketType type) {
        assertRejected(
                client(MqttVersion.V3_1_1), withFlags(type, type.requiredFlags()), ReasonCode.PROTOCOL_ERROR, "2.1.2");
    }

    @Tag("2.1.2")
    @ParameterizedTest(name = "a {0} server never sends DISCONNECT")
    @EnumSource(
            value = MqttVersion.class,
            names = {"V3_1", "V3_1_1"})
    void disconnectFromA3xServerIsAProtocolError(MqttVersion version) {
        byte[] disconnect = concat(
                bytes(0xE0), // DISCONNECT, flags 0
                bytes(0x00) // remaining length 0
                );
        assertRejected(client(version), disconnect, ReasonCode.PROTOCOL_ERROR, "2.1.2");
    }

    @Tag("2.1.2")
    @Test
    void disconnectFromA5ServerDecodes() {
        byte[] disconnect = concat(
                bytes(0xE0), // DISCONNECT, flags 0
                bytes(0x00) // remaining length 0
                );
        assertAccepted(client(MqttVersion.V5), disconnect, PacketType.DISCONNECT);
    }

    @Tag("MQTT-3.1.0-1")
    @ParameterizedTest(name = "{0} as the first packet is a protocol error")
    @EnumSource(value = PacketType.class, names = "CONNECT", mode = EnumSource.Mode.EXCLUDE)
    void firstPacketOtherThanConnectIsAProtocolError(PacketType type) {
        byte[] first = concat(
                bytes(type.code() << 4 | Math.max(type.requiredFlags(), 0)), // any packet but CONNECT, right flags
                bytes(0x00) // remaining length 0
                );
        assertRejected(MqttDecoder.forServer(MAX_PACKET_SIZE), first, ReasonCode.PROTOCOL_ERROR, "MQTT-3.1.0-1");
    }

    @Tag("MQTT-3.1.0-1")
    @Test
    void connectAsTheFirstPacketDecodesAndSetsTheVersion() {
        MqttDecoder decoder = MqttDecoder.forServer(MAX_PACKET_SIZE);
        assertThat(decoder.version()).isEmpty();
        assertAccepted(decoder, CONNECT_5, PacketType.CONNECT);
        assertThat(decoder.version()).contains(MqttVersion.V5);
    }

    @Tag("MQTT-3.1.0-2")
    @ParameterizedTest(name = "a second CONNECT in {0} is a protocol error")
    @EnumSource(MqttVersion.class)
    void secondConnectIsAProtocolError(MqttVersion version) {
        assertRejected(
                server(version), BytesFixtures.connectFixture(version), ReasonCode.PROTOCOL_ERROR, "MQTT-3.1.0-2");
    }

    @Tag("MQTT-3.1.0-2")
    @Test
    void connectFollowedByOtherPacketsDecodes() {
        MqttDecoder decoder = server(MqttVersion.V3_1_1);
        byte[] pingreq = concat(
                bytes(0xC0), // PINGREQ, flags 0
                bytes(0x00) // remaining length 0
                );
        assertAccepted(decoder, pingreq, PacketType.PINGREQ);
        assertAccepted(decoder, pingreq, PacketType.PINGREQ);
    }

    @Test
    void aFailedDecoderRefusesEveryFurtherCall() {
        MqttDecoder decoder = server(MqttVersion.V3_1_1);
        byte[] bad = concat(
                bytes(0xC1), // PINGREQ with flags 1: malformed
                bytes(0x00) // remaining length 0
                );
        byte[] good = concat(
                bytes(0xC0), // PINGREQ, flags 0
                bytes(0x00) // remaining length 0
                );
        assertRejected(decoder, bad, ReasonCode.MALFORMED_PACKET, "MQTT-2.1.3-1");
        ByteBuf in = buffer(good);
        try {
            assertThatThrownBy(() -> decoder.decode(in))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("connection must be closed");
            assertThat(in.readerIndex()).as("nothing consumed").isZero();
        } finally {
            in.release();
        }
    }

    @Test
    void aGoodPacketBeforeABadOneInTheSameBufferIsDeliveredFirst() {
        MqttDecoder decoder = server(MqttVersion.V3_1_1);
        byte[] stream = concat(
                concat(
                        bytes(0xC0), // PINGREQ, flags 0
                        bytes(0x00) // remaining length 0
                        ),
                concat(
                        bytes(0x36), // PUBLISH with QoS 3: malformed [MQTT-3.3.1-4]
                        bytes(0x05), // remaining length 5
                        bytes(0x00, 0x01, 't'), // topic name "t"
                        bytes(0x00, 0x01) // packet identifier 1
                        ));
        ByteBuf in = buffer(stream);
        try {
            assertThat(decoder.decode(in)).isEqualTo(PingReqPacket.INSTANCE);
            assertThatThrownBy(() -> decoder.decode(in))
                    .isInstanceOfSatisfying(
                            MalformedPacketException.class,
                            e -> assertThat(e.rule()).isEqualTo("MQTT-3.3.1-4"));
            assertThat(in.refCnt()).isEqualTo(1);
        } finally {
            in.release();
        }
    }

    @Test
    void aRejectedPublishLeavesNoReferenceToTheReceiveBuffer() {
        // A PUBLISH whose only fault comes after the payload would be sliced: a client may not send Subscription
        // Identifiers [MQTT-3.3.4-6]. The payload slice must not be created (or must be released) on failure.
        byte[] publish = concat(
                concat(
                        bytes(0x30), // PUBLISH, QoS 0
                        bytes(0x8A, 0x08), // remaining length 1034
                        bytes(0x00, 0x01, 't'), // topic name "t"
                        bytes(0x02), // property length 2
                        bytes(0x0B, 0x01) // subscription identifier 1 (not allowed from a client)
                        ),
                BytesFixtures.repeat('p', 1028) // payload
                );
        assertRejected(server(MqttVersion.V5), publish, ReasonCode.PROTOCOL_ERROR, "MQTT-3.3.4-6");
        // ... while the same bytes sent to a client decode, and the payload slice holds the one extra reference.
        MqttPacket accepted = accept(client(MqttVersion.V5), publish);
        try {
            assertThat(((PublishPacket) accepted).payload().readableBytes()).isEqualTo(1028);
        } finally {
            BytesFixtures.release(accepted);
        }
    }
}
