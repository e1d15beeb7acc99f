package dev.tern.it.conformance;

import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.RetainHandling;
import dev.tern.mqtt.codec.SubscribePacket;
import dev.tern.mqtt.codec.Subscription;
import dev.tern.mqtt.codec.SubscriptionOptions;
import dev.tern.mqtt.codec.UnsubscribePacket;
import dev.tern.mqtt.codec.Will;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Packet builders and byte helpers for the conformance tests. */
final class Packets {
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private Packets() {}

    /** A client identifier or topic prefix no other test uses: {@code prefix} and a counter, within 23 characters. */
    static String unique(String prefix) {
        String id = prefix + UNIQUE.incrementAndGet();
        if (id.length() > 23) {
            throw new IllegalArgumentException("keep unique ids within 23 characters: " + id);
        }
        return id;
    }

    // ---- CONNECT
    // ------------------------------------------------------------------------------------------------------

    /** Clean start / clean session, keep alive 60 s, no will, no properties. */
    static ConnectPacket connect(MqttVersion version, String clientId) {
        return connect(version, clientId, true, 60, MqttProperties.EMPTY, Optional.empty());
    }

    static ConnectPacket connect(MqttVersion version, String clientId, boolean cleanStart, int keepAliveSeconds) {
        return connect(version, clientId, cleanStart, keepAliveSeconds, MqttProperties.EMPTY, Optional.empty());
    }

    static ConnectPacket connect(
            MqttVersion version,
            String clientId,
            boolean cleanStart,
            int keepAliveSeconds,
            MqttProperties properties,
            Optional<Will> will) {
        return new ConnectPacket(
                version, clientId, cleanStart, keepAliveSeconds, will, Optional.empty(), Optional.empty(), properties);
    }

    /** A 5.0 CONNECT whose session outlives the connection by {@code sessionExpirySeconds}. */
    static ConnectPacket connect5(String clientId, boolean cleanStart, long sessionExpirySeconds) {
        return connect(
                MqttVersion.V5,
                clientId,
                cleanStart,
                60,
                MqttProperties.builder()
                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, sessionExpirySeconds)
                        .build(),
                Optional.empty());
    }

    static Will will(String topic, String payload, MqttQos qos, boolean retain) {
        return new Will(topic, new BinaryData(utf8(payload)), qos, retain, MqttProperties.EMPTY);
    }

    static Will will(String topic, String payload, MqttQos qos, boolean retain, MqttProperties properties) {
        return new Will(topic, new BinaryData(utf8(payload)), qos, retain, properties);
    }

    static DisconnectPacket disconnect(ReasonCode code) {
        return new DisconnectPacket(code, MqttProperties.EMPTY);
    }

    // ---- PUBLISH
    // ------------------------------------------------------------------------------------------------------

    static PublishPacket publish(String topic, MqttQos qos, int packetId, String payload) {
        return publish(topic, qos, packetId, payload, false, MqttProperties.EMPTY);
    }

    static PublishPacket publish(
            String topic, MqttQos qos, int packetId, String payload, boolean retain, MqttProperties properties) {
        return publish(false, topic, qos, packetId, utf8(payload), retain, properties);
    }

    static PublishPacket publish(
            boolean dup,
            String topic,
            MqttQos qos,
            int packetId,
            byte[] payload,
            boolean retain,
            MqttProperties properties) {
        return new PublishPacket(dup, qos, retain, topic, packetId, properties, Unpooled.wrappedBuffer(payload));
    }

    static PublishPacket retained(String topic, MqttQos qos, int packetId, String payload) {
        return publish(topic, qos, packetId, payload, true, MqttProperties.EMPTY);
    }

    /** The payload of a received PUBLISH as text. */
    static String text(PublishPacket publish) {
        return publish.payload()
                .toString(publish.payload().readerIndex(), publish.payload().readableBytes(), StandardCharsets.UTF_8);
    }

    // ---- SUBSCRIBE / UNSUBSCRIBE
    // ----------------------------------------------------------------------------------------

    static SubscribePacket subscribe(int packetId, String filter, MqttQos qos) {
        return new SubscribePacket(
                packetId, List.of(new Subscription(filter, SubscriptionOptions.of(qos))), MqttProperties.EMPTY);
    }

    static SubscribePacket subscribe(int packetId, String filter, SubscriptionOptions options) {
        return new SubscribePacket(packetId, List.of(new Subscription(filter, options)), MqttProperties.EMPTY);
    }

    /** A 5.0 SUBSCRIBE with a Subscription Identifier. */
    static SubscribePacket subscribe(int packetId, String filter, MqttQos qos, int subscriptionIdentifier) {
        return new SubscribePacket(
                packetId,
                List.of(new Subscription(filter, SubscriptionOptions.of(qos))),
                MqttProperties.builder()
                        .addSubscriptionIdentifier(subscriptionIdentifier)
                        .build());
    }

    static SubscriptionOptions options(
            MqttQos qos, boolean noLocal, boolean retainAsPublished, RetainHandling retainHandling) {
        return new SubscriptionOptions(qos, noLocal, retainAsPublished, retainHandling);
    }

    static UnsubscribePacket unsubscribe(int packetId, String... filters) {
        return new UnsubscribePacket(packetId, List.of(filters), MqttProperties.EMPTY);
    }

    // ---- bytes
    // --------------------------------------------------------------------------------------------------------

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes {@code packet} encodes to, as hex: the byte-exact expectation for what the server must send. */
    static String hex(MqttPacket packet, MqttVersion version) {
        ByteBuf encoded = new MqttEncoder().encode(ByteBufAllocator.DEFAULT, packet, version);
        try {
            byte[] bytes = new byte[encoded.readableBytes()];
            encoded.readBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        } finally {
            encoded.release();
        }
    }

    /** Hex as written in the spec's tables ({@code "20 02 00 00"}) to bytes. */
    static byte[] bytes(String spacedHex) {
        return HexFormat.of().parseHex(spacedHex.replace(" ", ""));
    }

    /** Hex without spaces, for comparing with {@link Wire.Frame#hex()}. */
    static String hexOf(String spacedHex) {
        return spacedHex.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A hand-built packet: {@code firstByte} (type and flags), the Remaining Length computed from {@code parts}, then
     * the parts in order. For packets the encoder refuses to build because they break the spec.
     */
    static byte[] raw(int firstByte, byte[]... parts) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(firstByte);
        int length = body.size();
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /**
     * A hand-built CONNECT: protocol name and level, connect flags and keep alive as given, then (5.0 only, when not
     * {@code null}) the property block, then the payload fields.
     */
    static byte[] rawConnect(String protocolName, int level, int flags, byte[] properties, byte[]... payload) {
        byte[][] parts = new byte[payload.length + 3][];
        parts[0] = mqttString(protocolName);
        parts[1] = of(level, flags, 0, 60);
        parts[2] = properties == null ? new byte[0] : properties;
        System.arraycopy(payload, 0, parts, 3, payload.length);
        return raw(0x10, parts);
    }

    /** Bytes given as ints, for readable fixtures. */
    static byte[] of(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Bytes of a length-prefixed UTF-8 string, for hand-built packets. */
    static byte[] mqttString(String text) {
        byte[] body = utf8(text);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) (body.length >> 8);
        out[1] = (byte) body.length;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }
}
