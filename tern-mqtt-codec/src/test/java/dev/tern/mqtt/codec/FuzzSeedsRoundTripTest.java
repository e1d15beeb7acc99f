package dev.tern.mqtt.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.mqtt.codec.AbstractDecoderFuzzTest.EntryPoint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz targets' seed corpora and regression inputs, checked in the ordinary test run (no Jazzer agent needed):
 *
 * <ul>
 *   <li>every {@code valid-*} seed is exactly the encoding of the packets defined here, and decodes completely;
 *   <li>every stored input of a target, seeds and crash reproducers alike, satisfies the target's whole contract
 *       ({@link AbstractDecoderFuzzTest#fuzz}), so a fixed crash stays fixed even in builds that skip fuzzing.
 * </ul>
 *
 * <p>After changing a definition, rewrite the seed files with {@code mvn test -pl tern-mqtt-codec
 * -Dtest=FuzzSeedsRoundTripTest -Dfuzz.writeSeeds=true} (see docs/fuzzing.md).
 */
class FuzzSeedsRoundTripTest {
    private static final String INPUTS = "DecoderFuzzTestInputs/";
    private static final Path RESOURCES = Path.of("src/test/resources/dev/tern/mqtt/codec");

    /** The target that fuzzes all entry points at once; its seeds are everyone's, behind a selector byte. */
    private static final String ALL = "allEntryPoints";

    /** Every fuzz target ({@link DecoderFuzzTest} method name), with how it runs one input. */
    static final Map<String, Consumer<byte[]>> TARGETS = new LinkedHashMap<>();

    static {
        for (EntryPoint entryPoint : EntryPoint.values()) {
            TARGETS.put(entryPoint.fuzzTestMethod(), input -> AbstractDecoderFuzzTest.fuzz(input, entryPoint.target()));
        }
        TARGETS.put(ALL, AbstractDecoderFuzzTest::fuzzAnyEntryPoint);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Seed definitions: a few valid packets per target, covering every packet type the target can see.

    /**
     * One seed file: a name and the packets (of one version) whose encodings it concatenates, behind a selector byte
     * if {@code selector} is not negative.
     */
    record Seed(String name, MqttVersion version, List<MqttPacket> packets, int selector) {
        static Seed of(String name, MqttVersion version, MqttPacket... packets) {
            return new Seed(name, version, List.of(packets), -1);
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (selector >= 0) {
                out.write(selector);
            }
            MqttEncoder encoder = new MqttEncoder();
            for (MqttPacket packet : packets) {
                ByteBuf encoded = encoder.encode(ByteBufAllocator.DEFAULT, packet, version);
                try {
                    out.writeBytes(ByteBufUtil.getBytes(encoded));
                } finally {
                    encoded.release();
                }
            }
            return out.toByteArray();
        }
    }

    static List<Seed> seeds(String target) {
        return switch (target) {
            case "serverFromFirstByte" ->
                List.of(
                        Seed.of("valid-connect-v31", MqttVersion.V3_1, connectV3(MqttVersion.V3_1)),
                        Seed.of(
                                "valid-connect-v311-empty-id",
                                MqttVersion.V3_1_1,
                                new ConnectPacket(
                                        MqttVersion.V3_1_1,
                                        "",
                                        true,
                                        0,
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        MqttProperties.EMPTY)),
                        Seed.of("valid-connect-v5-full", MqttVersion.V5, connectV5()),
                        Seed.of("valid-session-v31", MqttVersion.V3_1, session(MqttVersion.V3_1)),
                        Seed.of("valid-session-v311", MqttVersion.V3_1_1, session(MqttVersion.V3_1_1)),
                        Seed.of("valid-session-v5", MqttVersion.V5, session(MqttVersion.V5)));
            case "serverAfterV31Connect" -> clientSeeds(MqttVersion.V3_1);
            case "serverAfterV311Connect" -> clientSeeds(MqttVersion.V3_1_1);
            case "serverAfterV5Connect" -> clientSeeds(MqttVersion.V5);
            case "clientV31" -> serverSeeds(MqttVersion.V3_1);
            case "clientV311" -> serverSeeds(MqttVersion.V3_1_1);
            case "clientV5" -> serverSeeds(MqttVersion.V5);
            case ALL -> allSeeds();
            default -> throw new IllegalArgumentException(target);
        };
    }

    /** Every entry point's seeds, each behind the byte that selects its entry point in {@code allEntryPoints}. */
    private static List<Seed> allSeeds() {
        List<Seed> seeds = new ArrayList<>();
        for (EntryPoint entryPoint : EntryPoint.values()) {
            for (Seed seed : seeds(entryPoint.fuzzTestMethod())) {
                seeds.add(new Seed(
                        seed.name().replace("valid-", "valid-" + entryPoint.ordinal() + "-"),
                        seed.version(),
                        seed.packets(),
                        (byte) entryPoint.ordinal()));
            }
        }
        return seeds;
    }

    private static ConnectPacket connectV3(MqttVersion version) {
        return new ConnectPacket(
                version,
                "sensor-1",
                false,
                60,
                Optional.of(new Will(
                        "devices/sensor-1/status",
                        new BinaryData("offline".getBytes(StandardCharsets.UTF_8)),
                        MqttQos.AT_LEAST_ONCE,
                        true,
                        MqttProperties.EMPTY)),
                Optional.of("user"),
                Optional.of(new BinaryData("secret".getBytes(StandardCharsets.UTF_8))),
                MqttProperties.EMPTY);
    }

    private static ConnectPacket connectV5() {
        MqttProperties properties = MqttProperties.builder()
                .put(PropertyId.SESSION_EXPIRY_INTERVAL, 3600)
                .put(PropertyId.RECEIVE_MAXIMUM, 100)
                .put(PropertyId.MAXIMUM_PACKET_SIZE, 65536)
                .put(PropertyId.TOPIC_ALIAS_MAXIMUM, 10)
                .put(PropertyId.REQUEST_RESPONSE_INFORMATION, 1)
                .put(PropertyId.REQUEST_PROBLEM_INFORMATION, 0)
                .put(PropertyId.AUTHENTICATION_METHOD, "SCRAM-SHA-256")
                .put(PropertyId.AUTHENTICATION_DATA, new BinaryData(new byte[] {1, 2, 3, 4}))
                .addUserProperty("région", "Zürich")
                .build();
        MqttProperties willProperties = MqttProperties.builder()
                .put(PropertyId.WILL_DELAY_INTERVAL, 30)
                .put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, 600)
                .put(PropertyId.CONTENT_TYPE, "text/plain")
                .put(PropertyId.RESPONSE_TOPIC, "replies/温度")
                .put(PropertyId.CORRELATION_DATA, new BinaryData(new byte[] {9, 8, 7}))
                .addUserProperty("k", "v")
                .build();
        return new ConnectPacket(
                MqttVersion.V5,
                "client-\uD83D\uDE00",
                false,
                30,
                Optional.of(new Will(
                        "devices/sensor-1/status",
                        new BinaryData("gone".getBytes(StandardCharsets.UTF_8)),
                        MqttQos.EXACTLY_ONCE,
                        false,
                        willProperties)),
                Optional.of("user"),
                Optional.of(new BinaryData(new byte[] {0, (byte) 0xFF})),
                properties);
    }

    /** A client's whole conversation: CONNECT, then one of everything it sends. */
    private static MqttPacket[] session(MqttVersion version) {
        List<MqttPacket> packets = new ArrayList<>();
        packets.add(version.isV5() ? connectV5() : connectV3(version));
        if (version.isV5()) {
            packets.add(new AuthPacket(
                    ReasonCode.CONTINUE_AUTHENTICATION,
                    MqttProperties.builder()
                            .put(PropertyId.AUTHENTICATION_METHOD, "SCRAM-SHA-256")
                            .put(PropertyId.AUTHENTICATION_DATA, new BinaryData(new byte[] {5, 6}))
                            .build()));
        }
        packets.add(subscribe(version));
        packets.add(publish(version, MqttQos.AT_LEAST_ONCE, 7, "hello"));
        packets.add(PubAckPacket.of(1));
        packets.add(PubRecPacket.of(2));
        packets.add(PubRelPacket.of(2));
        packets.add(PubCompPacket.of(2));
        packets.add(unsubscribe(version));
        packets.add(PingReqPacket.INSTANCE);
        packets.add(
                version.isV5()
                        ? new DisconnectPacket(
                                ReasonCode.DISCONNECT_WITH_WILL_MESSAGE,
                                MqttProperties.builder()
                                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, 0)
                                        .build())
                        : DisconnectPacket.NORMAL);
        return packets.toArray(MqttPacket[]::new);
    }

    private static List<Seed> clientSeeds(MqttVersion version) {
        List<Seed> seeds = new ArrayList<>(List.of(
                Seed.of("valid-publish-qos0", version, publish(version, MqttQos.AT_MOST_ONCE, 0, "21.5")),
                Seed.of("valid-publish-qos1", version, publish(version, MqttQos.AT_LEAST_ONCE, 1, "payload")),
                Seed.of(
                        "valid-publish-qos2-large",
                        version,
                        publish(version, MqttQos.EXACTLY_ONCE, 0xFFFF, "x".repeat(2000))),
                Seed.of(
                        "valid-acks",
                        version,
                        PubAckPacket.of(1),
                        PubRecPacket.of(2),
                        PubRelPacket.of(2),
                        PubCompPacket.of(0xFFFF)),
                Seed.of("valid-subscribe", version, subscribe(version)),
                Seed.of("valid-unsubscribe", version, unsubscribe(version)),
                Seed.of(
                        "valid-ping-disconnect",
                        version,
                        PingReqPacket.INSTANCE,
                        version.isV5()
                                ? new DisconnectPacket(
                                        ReasonCode.DISCONNECT_WITH_WILL_MESSAGE,
                                        MqttProperties.builder()
                                                .put(PropertyId.SESSION_EXPIRY_INTERVAL, 120)
                                                .put(PropertyId.REASON_STRING, "bye")
                                                .build())
                                : DisconnectPacket.NORMAL)));
        if (version.isV5()) {
            seeds.add(Seed.of("valid-acks-with-reasons", version, acksWithReasons()));
            seeds.add(Seed.of(
                    "valid-publish-topic-alias",
                    version,
                    new PublishPacket(
                            false,
                            MqttQos.AT_MOST_ONCE,
                            false,
                            "",
                            0,
                            MqttProperties.builder()
                                    .put(PropertyId.TOPIC_ALIAS, 3)
                                    .build(),
                            Unpooled.wrappedBuffer(new byte[] {1}))));
            seeds.add(Seed.of(
                    "valid-auth",
                    version,
                    new AuthPacket(
                            ReasonCode.RE_AUTHENTICATE,
                            MqttProperties.builder()
                                    .put(PropertyId.AUTHENTICATION_METHOD, "SCRAM-SHA-256")
                                    .put(PropertyId.REASON_STRING, "again")
                                    .build())));
        }
        return seeds;
    }

    private static List<Seed> serverSeeds(MqttVersion version) {
        List<Seed> seeds = new ArrayList<>();
        seeds.add(Seed.of(
                "valid-connack",
                version,
                new ConnAckPacket(version != MqttVersion.V3_1, ReasonCode.SUCCESS, connAckProperties(version))));
        seeds.add(Seed.of(
                "valid-connack-refused",
                version,
                new ConnAckPacket(
                        false, version.isV5() ? ReasonCode.BANNED : ReasonCode.NOT_AUTHORIZED, MqttProperties.EMPTY)));
        seeds.add(Seed.of("valid-publish", version, publish(version, MqttQos.AT_LEAST_ONCE, 42, "21.5 °C")));
        seeds.add(Seed.of("valid-publish-large", version, publish(version, MqttQos.AT_MOST_ONCE, 0, "y".repeat(1524))));
        seeds.add(Seed.of(
                "valid-acks",
                version,
                PubAckPacket.of(1),
                PubRecPacket.of(2),
                PubRelPacket.of(2),
                PubCompPacket.of(2)));
        seeds.add(Seed.of(
                "valid-suback",
                version,
                new SubAckPacket(
                        10,
                        List.of(
                                ReasonCode.SUCCESS,
                                ReasonCode.GRANTED_QOS_1,
                                ReasonCode.GRANTED_QOS_2,
                                ReasonCode.UNSPECIFIED_ERROR),
                        version.isV5()
                                ? MqttProperties.builder()
                                        .put(PropertyId.REASON_STRING, "partly")
                                        .build()
                                : MqttProperties.EMPTY)));
        seeds.add(Seed.of(
                "valid-unsuback-pingresp",
                version,
                new UnsubAckPacket(
                        11,
                        version.isV5() ? List.of(ReasonCode.SUCCESS, ReasonCode.NO_SUBSCRIPTION_EXISTED) : List.of(),
                        MqttProperties.EMPTY),
                PingRespPacket.INSTANCE));
        if (version.isV5()) {
            seeds.add(Seed.of("valid-acks-with-reasons", version, acksWithReasons()));
            seeds.add(Seed.of(
                    "valid-disconnect-auth",
                    version,
                    new AuthPacket(
                            ReasonCode.CONTINUE_AUTHENTICATION,
                            MqttProperties.builder()
                                    .put(PropertyId.AUTHENTICATION_METHOD, "SCRAM-SHA-256")
                                    .put(PropertyId.AUTHENTICATION_DATA, new BinaryData(new byte[] {7}))
                                    .build()),
                    new DisconnectPacket(
                            ReasonCode.SERVER_MOVED,
                            MqttProperties.builder()
                                    .put(PropertyId.SERVER_REFERENCE, "other.example:1883")
                                    .put(PropertyId.REASON_STRING, "moved")
                                    .build())));
        }
        return seeds;
    }

    private static MqttProperties connAckProperties(MqttVersion version) {
        if (!version.isV5()) {
            return MqttProperties.EMPTY;
        }
        return MqttProperties.builder()
                .put(PropertyId.SESSION_EXPIRY_INTERVAL, 0xFFFF_FFFFL)
                .put(PropertyId.ASSIGNED_CLIENT_IDENTIFIER, "auto-1")
                .put(PropertyId.SERVER_KEEP_ALIVE, 120)
                .put(PropertyId.RECEIVE_MAXIMUM, 65535)
                .put(PropertyId.MAXIMUM_QOS, 1)
                .put(PropertyId.RETAIN_AVAILABLE, 1)
                .put(PropertyId.MAXIMUM_PACKET_SIZE, 268_435_460L)
                .put(PropertyId.TOPIC_ALIAS_MAXIMUM, 16)
                .put(PropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE, 1)
                .put(PropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE, 1)
                .put(PropertyId.SHARED_SUBSCRIPTION_AVAILABLE, 0)
                .put(PropertyId.RESPONSE_INFORMATION, "replies/")
                .put(PropertyId.AUTHENTICATION_METHOD, "SCRAM-SHA-256")
                .put(PropertyId.AUTHENTICATION_DATA, new BinaryData(new byte[] {1}))
                .put(PropertyId.REASON_STRING, "welcome")
                .addUserProperty("node", "tern-1")
                .build();
    }

    private static PublishPacket publish(MqttVersion version, MqttQos qos, int packetId, String payload) {
        MqttProperties properties = MqttProperties.EMPTY;
        if (version.isV5()) {
            properties = MqttProperties.builder()
                    .put(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                    .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, 60)
                    .put(PropertyId.CONTENT_TYPE, "text/plain")
                    .put(PropertyId.RESPONSE_TOPIC, "replies/1")
                    .put(PropertyId.CORRELATION_DATA, new BinaryData(new byte[] {42}))
                    .put(PropertyId.TOPIC_ALIAS, 1)
                    .addUserProperty("unit", "°C")
                    .build();
        }
        return new PublishPacket(
                qos != MqttQos.AT_MOST_ONCE,
                qos,
                true,
                "sensors/température/\uD83C\uDF21",
                qos == MqttQos.AT_MOST_ONCE ? 0 : packetId,
                properties,
                Unpooled.wrappedBuffer(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static SubscribePacket subscribe(MqttVersion version) {
        boolean v5 = version.isV5();
        return new SubscribePacket(
                3,
                List.of(
                        new Subscription(
                                "sensors/+/temperature",
                                v5
                                        ? new SubscriptionOptions(
                                                MqttQos.AT_LEAST_ONCE, true, true, RetainHandling.DO_NOT_SEND)
                                        : SubscriptionOptions.of(MqttQos.AT_LEAST_ONCE)),
                        new Subscription("$share/group/alerts/#", SubscriptionOptions.of(MqttQos.EXACTLY_ONCE)),
                        new Subscription("#", SubscriptionOptions.of(MqttQos.AT_MOST_ONCE))),
                v5
                        ? MqttProperties.builder()
                                .addSubscriptionIdentifier(268_435_455)
                                .addUserProperty("a", "b")
                                .build()
                        : MqttProperties.EMPTY);
    }

    private static UnsubscribePacket unsubscribe(MqttVersion version) {
        return new UnsubscribePacket(
                4,
                List.of("sensors/+/temperature", "$share/group/alerts/#"),
                version.isV5()
                        ? MqttProperties.builder()
                                .addUserProperty("why", "done")
                                .build()
                        : MqttProperties.EMPTY);
    }

    /** 5.0 acknowledgements with reason codes and properties (the long form of PUBACK and friends). */
    private static MqttPacket[] acksWithReasons() {
        MqttProperties reason = MqttProperties.builder()
                .put(PropertyId.REASON_STRING, "no subscribers")
                .addUserProperty("x", "y")
                .build();
        return new MqttPacket[] {
            new PubAckPacket(5, ReasonCode.NO_MATCHING_SUBSCRIBERS, reason),
            new PubRecPacket(6, ReasonCode.QUOTA_EXCEEDED, MqttProperties.EMPTY),
            new PubRelPacket(6, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, reason),
            new PubCompPacket(6, ReasonCode.SUCCESS, reason)
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Checks

    static Stream<Arguments> targets() {
        return TARGETS.keySet().stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void seedFilesAreTheEncodingsOfTheDefinedPackets(String target) throws IOException {
        List<Seed> seeds = seeds(target);
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(3);
        for (Seed seed : seeds) {
            Path file = inputsDirectory(target).resolve(seed.name());
            assertThat(file)
                    .as("seed file of %s (rewrite with -Dfuzz.writeSeeds=true)", target)
                    .exists();
            assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(seed.bytes());
            seed.packets().forEach(CodecArbitrariesSupport::release);
        }
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void validSeedsDecodeCompletely(EntryPoint entryPoint) throws IOException {
        try (Stream<Path> files = Files.list(inputsDirectory(entryPoint.fuzzTestMethod()))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("valid-"))
                    .toList()) {
                ByteBuf in = Unpooled.wrappedBuffer(Files.readAllBytes(file));
                MqttDecoder decoder = entryPoint.target().newDecoder();
                List<MqttPacket> packets = CodecArbitrariesSupport.decodeAll(decoder, in);
                try {
                    assertThat(packets).as(file.toString()).isNotEmpty();
                    assertThat(in.isReadable()).as("bytes left in %s", file).isFalse();
                } finally {
                    CodecArbitrariesSupport.releaseAll(packets);
                    in.release();
                }
            }
        }
    }

    /** Every stored input, crash reproducers included, satisfies the target's contract: a regression run without Jazzer. */
    @ParameterizedTest
    @MethodSource("targets")
    void everyStoredInputKeepsTheFuzzContract(String target) throws IOException {
        try (Stream<Path> files = Files.list(inputsDirectory(target))) {
            for (Path file : files.sorted().toList()) {
                TARGETS.get(target).accept(Files.readAllBytes(file));
            }
        }
    }

    /** Rewrites the seed files from the definitions above; only when asked for. */
    @Test
    @EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws IOException {
        for (String target : TARGETS.keySet()) {
            Path directory = RESOURCES.resolve(INPUTS + target);
            Files.createDirectories(directory);
            for (Seed seed : seeds(target)) {
                Files.write(directory.resolve(seed.name()), seed.bytes());
                seed.packets().forEach(CodecArbitrariesSupport::release);
            }
        }
    }

    /** The inputs directory of a target as it is on the test class path (target/test-classes). */
    private static Path inputsDirectory(String target) {
        URL url = FuzzSeedsRoundTripTest.class.getResource(INPUTS + target);
        assertThat(url).as("%s on the test class path", INPUTS + target).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
