package dev.tern.benchmarks;

import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.MqttDecoder;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.SubscribePacket;
import dev.tern.mqtt.codec.Subscription;
import dev.tern.mqtt.codec.SubscriptionOptions;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The packets every benchmark uses, so that their numbers describe the same traffic. Setup-time code only. */
final class Fixtures {
    /**
     * The allocator every benchmark uses: {@code PooledByteBufAllocator.DEFAULT} (direct buffers), or with {@code
     * -Dtern.bench.allocator=adaptive} (pass it with JMH's {@code -jvmArgsPrepend}) Netty 4.2's
     * {@code AdaptiveByteBufAllocator}, which is what {@code ctx.alloc()} returns when no allocator is configured.
     */
    static final ByteBufAllocator ALLOC = allocator(System.getProperty("tern.bench.allocator", "pooled"));

    /** Large enough for every fixture; the limit check itself is part of what decode costs. */
    static final int MAX_PACKET_SIZE = 1 << 20;

    /** A realistic telemetry topic: 38 ASCII bytes, four levels. */
    static final String TOPIC = "sensors/building-7/floor-3/temperature";

    private Fixtures() {}

    private static ByteBufAllocator allocator(String name) {
        return switch (name) {
            case "pooled" -> PooledByteBufAllocator.DEFAULT;
            case "adaptive" -> new AdaptiveByteBufAllocator();
            default -> throw new IllegalArgumentException("tern.bench.allocator must be pooled or adaptive: " + name);
        };
    }

    /**
     * The PUBLISH of the benchmarks: QoS 1, packet id 4711, not retained. For 5.0 it carries "a few properties"
     * (Message Expiry Interval, Content Type, one User Property; no Topic Alias), for 3.1.1 none, as 3.1.1 has none.
     * The payload is a pooled buffer the caller owns through the returned packet.
     */
    static PublishPacket publish(MqttVersion version, int payloadSize) {
        ByteBuf payload = ALLOC.buffer(payloadSize);
        for (int i = 0; i < payloadSize; i++) {
            payload.writeByte('a' + i % 26);
        }
        return new PublishPacket(false, MqttQos.AT_LEAST_ONCE, false, TOPIC, 4711, publishProperties(version), payload);
    }

    static MqttProperties publishProperties(MqttVersion version) {
        if (!version.isV5()) {
            return MqttProperties.EMPTY;
        }
        return MqttProperties.builder()
                .put(PropertyId.MESSAGE_EXPIRY_INTERVAL, 3600)
                .put(PropertyId.CONTENT_TYPE, "application/json")
                .addUserProperty("source", "gateway-42")
                .build();
    }

    /**
     * A typical device CONNECT: a 23-character client id, clean start, keep alive 60 s, user name and password, no
     * will. 5.0 adds Session Expiry Interval, Receive Maximum and Topic Alias Maximum, as common clients do.
     */
    static ConnectPacket connect(MqttVersion version) {
        MqttProperties properties = version.isV5()
                ? MqttProperties.builder()
                        .put(PropertyId.SESSION_EXPIRY_INTERVAL, 300)
                        .put(PropertyId.RECEIVE_MAXIMUM, 100)
                        .put(PropertyId.TOPIC_ALIAS_MAXIMUM, 10)
                        .build()
                : MqttProperties.EMPTY;
        return new ConnectPacket(
                version,
                "tern-device-000000000042",
                true,
                60,
                Optional.empty(),
                Optional.of("device-42"),
                Optional.of(new BinaryData("s3cr3t-passw0rd".getBytes(StandardCharsets.US_ASCII))),
                properties);
    }

    /** SUBSCRIBE with {@code filters} filters like a dashboard or gateway would send, mixed QoS and wildcards. */
    static SubscribePacket subscribe(int filters) {
        List<Subscription> subscriptions = new ArrayList<>(filters);
        for (int i = 0; i < filters; i++) {
            String filter = switch (i % 3) {
                case 0 -> "sensors/building-" + i + "/+/temperature";
                case 1 -> "alerts/site-" + i + "/#";
                default -> "devices/gw-" + i + "/status";
            };
            subscriptions.add(new Subscription(filter, SubscriptionOptions.of(MqttQos.of(i % 3))));
        }
        return new SubscribePacket(42, subscriptions, MqttProperties.EMPTY);
    }

    /** The wire bytes of {@code packet}, in one contiguous pooled buffer, as a socket read would deliver them. */
    static ByteBuf wire(MqttPacket packet, MqttVersion version) {
        ByteBuf encoded = new MqttEncoder(Integer.MAX_VALUE).encode(ALLOC, packet, version);
        try {
            ByteBuf contiguous = ALLOC.buffer(encoded.readableBytes());
            contiguous.writeBytes(encoded, encoded.readerIndex(), encoded.readableBytes());
            return contiguous;
        } finally {
            encoded.release();
        }
    }

    /** A server-side decoder that has read the CONNECT of {@code version}, so it accepts every other packet. */
    static MqttDecoder primedServerDecoder(MqttVersion version) {
        MqttDecoder decoder = MqttDecoder.forServer(MAX_PACKET_SIZE);
        ByteBuf connect = wire(connect(version), version);
        try {
            MqttPacket decoded = decoder.decode(connect);
            if (!(decoded instanceof ConnectPacket)) {
                throw new IllegalStateException("priming CONNECT did not decode: " + decoded);
            }
        } finally {
            connect.release();
        }
        return decoder;
    }
}
