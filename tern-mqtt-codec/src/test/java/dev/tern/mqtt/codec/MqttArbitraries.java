package dev.tern.mqtt.codec;

import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for valid MQTT packets of a given protocol version and direction: only what that version can
 * express, so that encode-then-decode must give back an equal record.
 *
 * <p>What "valid" means here, version by version (each rule is one the decoder enforces or one the encoder cannot
 * express, so breaking it would make the round trip lossy or fail by design):
 *
 * <ul>
 *   <li>3.x: no properties, no reason codes on PUBACK/PUBREC/PUBREL/PUBCOMP/UNSUBACK/DISCONNECT, SUBACK codes only
 *       granted QoS 0..2 and 0x80 (Unspecified error), CONNACK only the six 3.x return codes, subscription options only
 *       the maximum QoS, a password only with a user name, no AUTH, no DISCONNECT from the server.
 *   <li>3.1: no Session Present on CONNACK, a non-empty client identifier (at most 23 characters, as 3.1 demands).
 *   <li>3.1.1: an empty client identifier only with Clean Session set.
 *   <li>5.0: properties only where {@link PropertyId#isAllowedIn} allows them, at most one Subscription Identifier in
 *       SUBSCRIBE and Subscription Identifiers in PUBLISH only from the server, Authentication Data only with an
 *       Authentication Method, no Session Expiry Interval in a server's DISCONNECT, No Local never on a shared
 *       subscription, reason codes only from each packet's table, at least one code in UNSUBACK, an empty topic name
 *       in PUBLISH only with a Topic Alias.
 * </ul>
 *
 * <p>PUBLISH payloads are unpooled heap buffers wrapping a fresh array (not tracked by the leak detector, reclaimed by
 * the garbage collector), so that jqwik may hand the same generated packet to several tries; tests copy them into
 * tracked buffers with {@link CodecArbitrariesSupport#withTrackedPayload} before encoding.
 */
final class MqttArbitraries {
    private MqttArbitraries() {}

    /** Which side sends a packet: decides the decoder role and several 5.0 rules. */
    enum Direction {
        CLIENT_TO_SERVER,
        SERVER_TO_CLIENT
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Strings, topics, binary data

    /**
     * A code point that MQTT allows in a UTF-8 string: anything but U+0000 and the surrogate range, weighted towards
     * ASCII but covering the two-, three- and four-byte forms and their edges.
     */
    static Arbitrary<Integer> codePoint() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between('a', 'z')),
                Tuple.of(2, Arbitraries.integers().between(0x01, 0x7F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                Tuple.of(1, Arbitraries.integers().between(0x800, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFF, 0x10000, 0x1F600,
                                0x10FFFF)));
    }

    /** A well-formed MQTT UTF-8 string of at most {@code maxCodePoints} code points (possibly empty). */
    static Arbitrary<String> utf8(int maxCodePoints) {
        return utf8(0, maxCodePoints, codePoint());
    }

    static Arbitrary<String> nonEmptyUtf8(int maxCodePoints) {
        return utf8(1, maxCodePoints, codePoint());
    }

    private static Arbitrary<String> utf8(int min, int max, Arbitrary<Integer> codePoints) {
        return codePoints.list().ofMinSize(min).ofMaxSize(max).map(MqttArbitraries::fromCodePoints);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        int[] array = codePoints.stream().mapToInt(Integer::intValue).toArray();
        return new String(array, 0, array.length);
    }

    /** A code point allowed inside one topic level: no separator, no wildcard. */
    private static Arbitrary<Integer> levelCodePoint() {
        return codePoint().filter(c -> c != '/' && c != '+' && c != '#');
    }

    /** One level of a topic name or filter; may be empty ("a//b" and "/a" are valid). */
    static Arbitrary<String> topicLevel() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, utf8(1, 6, levelCodePoint())),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("$SYS", "sensors", "état", "温度", "\uD83D\uDE00", " ")));
    }

    /** A valid topic name: one or more levels, no wildcards, never empty. */
    static Arbitrary<String> topicName() {
        return topicLevel()
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(levels -> String.join("/", levels))
                .filter(topic -> !topic.isEmpty());
    }

    /** A valid topic filter: plain levels, whole-level {@code +}, a trailing {@code #}, or a shared subscription. */
    static Arbitrary<String> topicFilter() {
        return Arbitraries.frequencyOf(Tuple.of(4, plainTopicFilter()), Tuple.of(1, sharedTopicFilter()));
    }

    static Arbitrary<String> plainTopicFilter() {
        Arbitrary<String> level =
                Arbitraries.frequencyOf(Tuple.of(4, topicLevel()), Tuple.of(1, Arbitraries.just("+")));
        return Combinators.combine(level.list().ofMinSize(0).ofMaxSize(5), Arbitraries.of(false, true))
                .as((levels, multiLevel) -> {
                    List<String> all = new ArrayList<>(levels);
                    if (multiLevel || all.isEmpty()) {
                        all.add("#");
                    }
                    return String.join("/", all);
                })
                .filter(filter -> !filter.isEmpty());
    }

    /** {@code $share/{ShareName}/{filter}}: a non-empty share name without {@code / + #}. */
    static Arbitrary<String> sharedTopicFilter() {
        return Combinators.combine(utf8(1, 5, levelCodePoint()), plainTopicFilter())
                .as((group, filter) -> "$share/" + group + "/" + filter);
    }

    static Arbitrary<BinaryData> binary(int maxLength) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxLength).map(BinaryData::new);
    }

    /**
     * Payload bytes of a length in {@code [min, max]}: filled from a seeded random rather than byte by byte, which keeps
     * multi-kilobyte payloads cheap to generate.
     */
    static Arbitrary<byte[]> payloadBytes(int min, int max) {
        return Combinators.combine(Arbitraries.integers().between(min, max), Arbitraries.longs())
                .as((length, seed) -> {
                    byte[] bytes = new byte[length];
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < length; i++) {
                        bytes[i] = (byte) random.nextInt(256);
                    }
                    return bytes;
                });
    }

    static Arbitrary<Integer> packetId() {
        return withEdges(Arbitraries.integers().between(1, 0xFFFF), 1, 0xFFFF);
    }

    /**
     * {@code values} with its boundary values mixed in explicitly. The properties run with jqwik's own edge-case mixing
     * switched off, because over these deeply combined generators it crowds out everything but the first alternative
     * of every choice (all 3.1 PUBLISH); the boundaries that matter are named here instead.
     */
    @SafeVarargs
    static <T> Arbitrary<T> withEdges(Arbitrary<T> values, T... edges) {
        return Arbitraries.frequencyOf(Tuple.of(5, values), Tuple.of(1, Arbitraries.of(edges)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Properties

    /** Extra rules a property block obeys beyond the identifier table. */
    record PropertyRules(int maxSubscriptionIdentifiers, boolean sessionExpiryAllowed, boolean requireTopicAlias) {
        static final PropertyRules DEFAULT = new PropertyRules(0, true, false);
    }

    static Arbitrary<MqttProperties> properties(PropertyScope scope) {
        return properties(scope, PropertyRules.DEFAULT);
    }

    /**
     * A property block valid for {@code scope}: each single-valued property allowed there is present or not, values in
     * their ranges; user properties (0..3, names may repeat) and Subscription Identifiers as {@code rules} allow.
     */
    static Arbitrary<MqttProperties> properties(PropertyScope scope, PropertyRules rules) {
        List<Arbitrary<Object[]>> parts = new ArrayList<>();
        for (PropertyId id : PropertyId.values()) {
            if (!id.isAllowedIn(scope)
                    || id == PropertyId.USER_PROPERTY
                    || id == PropertyId.SUBSCRIPTION_IDENTIFIER
                    || (id == PropertyId.SESSION_EXPIRY_INTERVAL && !rules.sessionExpiryAllowed())) {
                continue;
            }
            Arbitrary<Object> value = propertyValue(id);
            if (id == PropertyId.TOPIC_ALIAS && rules.requireTopicAlias()) {
                parts.add(value.map(v -> new Object[] {id, v}));
            } else {
                // Absent more often than present, so that small blocks and the empty block stay common.
                parts.add(value.map(v -> new Object[] {id, v}).injectNull(0.65));
            }
        }
        if (PropertyId.USER_PROPERTY.isAllowedIn(scope)) {
            parts.add(userProperty().list().ofMaxSize(3).map(list -> new Object[] {PropertyId.USER_PROPERTY, list}));
        }
        if (rules.maxSubscriptionIdentifiers() > 0) {
            // Variable Byte Integers: the edges of each encoded length.
            parts.add(withEdges(
                            Arbitraries.integers().between(1, VariableByteInteger.MAX_VALUE),
                            1,
                            127,
                            128,
                            16_383,
                            16_384,
                            2_097_151,
                            2_097_152,
                            VariableByteInteger.MAX_VALUE)
                    .list()
                    .ofMaxSize(rules.maxSubscriptionIdentifiers())
                    .map(list -> new Object[] {PropertyId.SUBSCRIPTION_IDENTIFIER, list}));
        }
        Arbitrary<MqttProperties> generated = Combinators.combine(parts).as(MqttArbitraries::buildProperties);
        // The empty block is by far the most common on the wire; with a dozen optional properties it would hardly ever
        // come out of the combination alone.
        return rules.requireTopicAlias()
                ? generated
                : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(MqttProperties.EMPTY)), Tuple.of(3, generated));
    }

    @SuppressWarnings("unchecked")
    private static MqttProperties buildProperties(List<Object[]> parts) {
        MqttProperties.Builder builder = MqttProperties.builder();
        boolean hasMethod = false;
        BinaryData authenticationData = null;
        for (Object[] part : parts) {
            if (part == null) {
                continue;
            }
            PropertyId id = (PropertyId) part[0];
            Object value = part[1];
            switch (id) {
                case USER_PROPERTY -> ((List<UserProperty>) value).forEach(builder::addUserProperty);
                case SUBSCRIPTION_IDENTIFIER -> ((List<Integer>) value).forEach(builder::addSubscriptionIdentifier);
                case AUTHENTICATION_DATA -> authenticationData = (BinaryData) value;
                default -> {
                    if (id == PropertyId.AUTHENTICATION_METHOD) {
                        hasMethod = true;
                    }
                    switch (value) {
                        case Long number -> builder.put(id, number);
                        case String string -> builder.put(id, string);
                        case BinaryData data -> builder.put(id, data);
                        default -> throw new IllegalStateException("unexpected value " + value);
                    }
                }
            }
        }
        // Authentication Data without an Authentication Method is a Protocol Error (3.1.2.11.10, 3.2.2.3.17,
        // 3.15.2.2.3).
        if (authenticationData != null && hasMethod) {
            builder.put(PropertyId.AUTHENTICATION_DATA, authenticationData);
        }
        return builder.build();
    }

    /** A value of the property's wire type within the range the decoder accepts (section 2.2.2.2, 3.1.2.11). */
    static Arbitrary<Object> propertyValue(PropertyId id) {
        Arbitrary<?> value = switch (id.type()) {
            // Every byte-valued property of 5.0 is a 0/1 flag (or Maximum QoS, which is 0 or 1 when present).
            case BYTE -> Arbitraries.longs().between(0, 1);
            case TWO_BYTE_INTEGER ->
                integerProperty(id == PropertyId.RECEIVE_MAXIMUM || id == PropertyId.TOPIC_ALIAS ? 1 : 0, 0xFFFF);
            case FOUR_BYTE_INTEGER -> integerProperty(id == PropertyId.MAXIMUM_PACKET_SIZE ? 1 : 0, 0xFFFF_FFFFL);
            case UTF8_STRING -> id == PropertyId.RESPONSE_TOPIC ? topicName() : utf8(8);
            case BINARY_DATA -> binary(24);
            case VARIABLE_BYTE_INTEGER, UTF8_STRING_PAIR ->
                throw new IllegalArgumentException(id + " is generated as a list");
        };
        return value.map(v -> (Object) v);
    }

    private static Arbitrary<Long> integerProperty(long min, long max) {
        return withEdges(Arbitraries.longs().between(min, max), min, max);
    }

    static Arbitrary<UserProperty> userProperty() {
        return Combinators.combine(
                        Arbitraries.frequencyOf(Tuple.of(3, utf8(6)), Tuple.of(1, Arbitraries.of("key", "trace-id"))),
                        utf8(8))
                .as(UserProperty::new);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Packets

    /** Any packet a client may send once connected with {@code version} (everything but CONNECT). */
    static Arbitrary<MqttPacket> clientPacket(MqttVersion version) {
        List<Arbitrary<? extends MqttPacket>> choices = new ArrayList<>(List.of(
                publish(version, Direction.CLIENT_TO_SERVER, 0, 64),
                ack(version, PacketType.PUBACK),
                ack(version, PacketType.PUBREC),
                ack(version, PacketType.PUBREL),
                ack(version, PacketType.PUBCOMP),
                subscribe(version),
                unsubscribe(version),
                Arbitraries.just(PingReqPacket.INSTANCE),
                disconnect(version, Direction.CLIENT_TO_SERVER)));
        if (version.isV5()) {
            choices.add(auth());
        }
        return Arbitraries.oneOf(choices);
    }

    /** Any packet a server may send to a client that connected with {@code version}. */
    static Arbitrary<MqttPacket> serverPacket(MqttVersion version) {
        List<Arbitrary<? extends MqttPacket>> choices = new ArrayList<>(List.of(
                connAck(version),
                publish(version, Direction.SERVER_TO_CLIENT, 0, 64),
                ack(version, PacketType.PUBACK),
                ack(version, PacketType.PUBREC),
                ack(version, PacketType.PUBREL),
                ack(version, PacketType.PUBCOMP),
                subAck(version),
                unsubAck(version),
                Arbitraries.just(PingRespPacket.INSTANCE)));
        if (version.isV5()) {
            // 3.x servers never send DISCONNECT; AUTH is 5.0 only.
            choices.add(disconnect(version, Direction.SERVER_TO_CLIENT));
            choices.add(auth());
        }
        return Arbitraries.oneOf(choices);
    }

    static Arbitrary<MqttPacket> packet(MqttVersion version, Direction direction) {
        return direction == Direction.CLIENT_TO_SERVER ? clientPacket(version) : serverPacket(version);
    }

    static Arbitrary<ConnectPacket> connect(MqttVersion version) {
        Arbitrary<Boolean> cleanStart = Arbitraries.of(true, false);
        Arbitrary<String> clientId = switch (version) {
            // MQTT 3.1 section 3.1: 1 to 23 characters.
            case V3_1 -> utf8(1, 23, codePoint());
            case V3_1_1, V5 -> Arbitraries.frequencyOf(Tuple.of(4, utf8(23)), Tuple.of(1, Arbitraries.just("")));
        };
        Arbitrary<Integer> keepAlive = withEdges(Arbitraries.integers().between(0, 0xFFFF), 0, 0xFFFF);
        Arbitrary<Optional<Will>> will = will(version).optional(0.4);
        Arbitrary<Optional<String>> username = utf8(12).optional(0.5);
        Arbitrary<Optional<BinaryData>> password = binary(16).optional(0.5);
        Arbitrary<MqttProperties> properties =
                version.isV5() ? properties(PropertyScope.CONNECT) : Arbitraries.just(MqttProperties.EMPTY);
        return Combinators.combine(cleanStart, clientId, keepAlive, will, username, password, properties)
                .as((clean, id, keep, w, user, pass, props) -> {
                    // [MQTT-3.1.3-8] 3.1.1 refuses an empty client identifier without Clean Session.
                    boolean effectiveClean = version == MqttVersion.V3_1_1 && id.isEmpty() ? true : clean;
                    // [MQTT-3.1.2-22] 3.x: no password without a user name.
                    Optional<BinaryData> effectivePassword =
                            !version.isV5() && user.isEmpty() ? Optional.empty() : pass;
                    return new ConnectPacket(version, id, effectiveClean, keep, w, user, effectivePassword, props);
                });
    }

    static Arbitrary<Will> will(MqttVersion version) {
        Arbitrary<MqttProperties> properties =
                version.isV5() ? properties(PropertyScope.WILL) : Arbitraries.just(MqttProperties.EMPTY);
        return Combinators.combine(
                        topicName(), binary(32), Arbitraries.of(MqttQos.class), Arbitraries.of(true, false), properties)
                .as(Will::new);
    }

    static Arbitrary<ConnAckPacket> connAck(MqttVersion version) {
        Arbitrary<ReasonCode> codes = switch (version) {
            case V3_1, V3_1_1 -> Arbitraries.of(ConnectReturnCode.class).map(ConnectReturnCode::toReasonCode);
            case V5 -> reasonCodesFor(PacketType.CONNACK);
        };
        Arbitrary<MqttProperties> properties =
                version.isV5() ? properties(PropertyScope.CONNACK) : Arbitraries.just(MqttProperties.EMPTY);
        return Combinators.combine(Arbitraries.of(true, false), codes, properties)
                .as((sessionPresent, code, props) -> new ConnAckPacket(
                        // 3.1 has no Session Present; a refusal never has it [MQTT-3.2.2-6].
                        sessionPresent && version != MqttVersion.V3_1 && !code.isError(), code, props));
    }

    /** PUBLISH with a payload of {@code minPayload..maxPayload} bytes. */
    static Arbitrary<PublishPacket> publish(MqttVersion version, Direction direction, int minPayload, int maxPayload) {
        Arbitrary<MqttQos> qos = Arbitraries.of(MqttQos.class);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        // 5.0: an empty topic name stands for a Topic Alias (3.3.2.3.4).
        Arbitrary<String> topic = version.isV5()
                ? Arbitraries.frequencyOf(Tuple.of(6, topicName()), Tuple.of(1, Arbitraries.just("")))
                : topicName();
        return Combinators.combine(qos, flag, flag, topic, packetId(), payloadBytes(minPayload, maxPayload))
                .flatAs((q, dup, retain, t, id, payload) -> publishProperties(version, direction, t.isEmpty())
                        .map(props -> new PublishPacket(
                                dup && q != MqttQos.AT_MOST_ONCE,
                                q,
                                retain,
                                t,
                                q == MqttQos.AT_MOST_ONCE ? 0 : id,
                                props,
                                Unpooled.wrappedBuffer(payload))));
    }

    private static Arbitrary<MqttProperties> publishProperties(
            MqttVersion version, Direction direction, boolean needsTopicAlias) {
        if (!version.isV5()) {
            return Arbitraries.just(MqttProperties.EMPTY);
        }
        // [MQTT-3.3.4-6] a client never sends Subscription Identifiers; a server sends one per matching subscription.
        int subscriptionIds = direction == Direction.SERVER_TO_CLIENT ? 3 : 0;
        return properties(PropertyScope.PUBLISH, new PropertyRules(subscriptionIds, true, needsTopicAlias));
    }

    /** PUBACK, PUBREC, PUBREL or PUBCOMP. */
    static Arbitrary<MqttPacket> ack(MqttVersion version, PacketType type) {
        if (!version.isV5()) {
            return packetId().map(id -> switch (type) {
                case PUBACK -> PubAckPacket.of(id);
                case PUBREC -> PubRecPacket.of(id);
                case PUBREL -> PubRelPacket.of(id);
                case PUBCOMP -> PubCompPacket.of(id);
                default -> throw new IllegalArgumentException(type.toString());
            });
        }
        PropertyScope scope = PropertyScope.valueOf(type.name());
        // The plain form (success, no properties) is the common one on the wire: weight it up.
        Arbitrary<ReasonCode> code = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(ReasonCode.SUCCESS)), Tuple.of(2, reasonCodesFor(type)));
        return Combinators.combine(packetId(), code, properties(scope)).as((id, c, props) -> switch (type) {
            case PUBACK -> new PubAckPacket(id, c, props);
            case PUBREC -> new PubRecPacket(id, c, props);
            case PUBREL -> new PubRelPacket(id, c, props);
            case PUBCOMP -> new PubCompPacket(id, c, props);
            default -> throw new IllegalArgumentException(type.toString());
        });
    }

    static Arbitrary<SubscribePacket> subscribe(MqttVersion version) {
        Arbitrary<MqttProperties> properties = version.isV5()
                ? properties(PropertyScope.SUBSCRIBE, new PropertyRules(1, true, false))
                : Arbitraries.just(MqttProperties.EMPTY);
        return Combinators.combine(
                        packetId(), subscription(version).list().ofMinSize(1).ofMaxSize(4), properties)
                .as(SubscribePacket::new);
    }

    static Arbitrary<Subscription> subscription(MqttVersion version) {
        Arbitrary<MqttQos> qos = Arbitraries.of(MqttQos.class);
        if (!version.isV5()) {
            return Combinators.combine(topicFilter(), qos)
                    .as((filter, q) -> new Subscription(filter, SubscriptionOptions.of(q)));
        }
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(topicFilter(), qos, flag, flag, Arbitraries.of(RetainHandling.class))
                .as((filter, q, noLocal, retainAsPublished, retainHandling) -> new Subscription(
                        filter,
                        // [MQTT-3.8.3-4] No Local must not be set on a shared subscription.
                        new SubscriptionOptions(
                                q, noLocal && !TopicSyntax.isShared(filter), retainAsPublished, retainHandling)));
    }

    static Arbitrary<SubAckPacket> subAck(MqttVersion version) {
        Arbitrary<ReasonCode> code = version.isV5()
                ? reasonCodesFor(PacketType.SUBACK)
                : Arbitraries.of(
                        ReasonCode.SUCCESS,
                        ReasonCode.GRANTED_QOS_1,
                        ReasonCode.GRANTED_QOS_2,
                        ReasonCode.UNSPECIFIED_ERROR);
        Arbitrary<MqttProperties> properties =
                version.isV5() ? properties(PropertyScope.SUBACK) : Arbitraries.just(MqttProperties.EMPTY);
        return Combinators.combine(packetId(), code.list().ofMinSize(1).ofMaxSize(6), properties)
                .as(SubAckPacket::new);
    }

    static Arbitrary<UnsubscribePacket> unsubscribe(MqttVersion version) {
        Arbitrary<MqttProperties> properties =
                version.isV5() ? properties(PropertyScope.UNSUBSCRIBE) : Arbitraries.just(MqttProperties.EMPTY);
        return Combinators.combine(packetId(), topicFilter().list().ofMinSize(1).ofMaxSize(4), properties)
                .as(UnsubscribePacket::new);
    }

    static Arbitrary<UnsubAckPacket> unsubAck(MqttVersion version) {
        if (!version.isV5()) {
            return packetId().map(id -> new UnsubAckPacket(id, List.of(), MqttProperties.EMPTY));
        }
        return Combinators.combine(
                        packetId(),
                        reasonCodesFor(PacketType.UNSUBACK).list().ofMinSize(1).ofMaxSize(6),
                        properties(PropertyScope.UNSUBACK))
                .as(UnsubAckPacket::new);
    }

    static Arbitrary<DisconnectPacket> disconnect(MqttVersion version, Direction direction) {
        if (!version.isV5()) {
            return Arbitraries.just(DisconnectPacket.NORMAL);
        }
        // [MQTT-3.14.2-2] a server must not send Session Expiry Interval.
        PropertyRules rules = new PropertyRules(0, direction == Direction.CLIENT_TO_SERVER, false);
        Arbitrary<ReasonCode> code = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(ReasonCode.SUCCESS)), Tuple.of(2, reasonCodesFor(PacketType.DISCONNECT)));
        return Combinators.combine(code, properties(PropertyScope.DISCONNECT, rules))
                .as(DisconnectPacket::new);
    }

    static Arbitrary<AuthPacket> auth() {
        return Combinators.combine(reasonCodesFor(PacketType.AUTH), properties(PropertyScope.AUTH))
                .as(AuthPacket::new);
    }

    /** The reason codes the spec's table lists for {@code type}. */
    static Arbitrary<ReasonCode> reasonCodesFor(PacketType type) {
        return Arbitraries.of(Arrays.stream(ReasonCode.values())
                .filter(code -> code.isAllowedIn(type))
                .toList());
    }
}
