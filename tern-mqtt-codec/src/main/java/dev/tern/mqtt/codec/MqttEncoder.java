package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

/**
 * Encodes packets for one protocol version. Stateless; every method may be called from any thread.
 *
 * <p>PUBLISH payloads up to {@link #DEFAULT_COPY_THRESHOLD} bytes are copied behind the header into one buffer (one
 * write, one segment); larger payloads are shared zero-copy: the header goes into a small buffer and the payload is
 * appended as a retained duplicate, so a fan-out to many subscribers never copies the payload. The threshold is
 * measured, not guessed: see {@code PublishEncodeBenchmark} and docs/benchmarks.md.
 */
public final class MqttEncoder {
    /**
     * Payload size up to which copying beats composing: measured by {@code CopyVsSharePaired} (docs/benchmarks.md) on
     * Netty 4.2's default adaptive allocator, which the broker uses: copying wins up to 4 KB, ties at 8 KB, sharing
     * wins from 16 KB (sharing costs a fixed ~100-240 ns and ~590 B of heap per encode, whatever the payload).
     */
    public static final int DEFAULT_COPY_THRESHOLD = 8192;

    private final int copyThreshold;

    public MqttEncoder() {
        this(DEFAULT_COPY_THRESHOLD);
    }

    /** An encoder that copies payloads up to {@code copyThreshold} bytes and shares larger ones. */
    public MqttEncoder(int copyThreshold) {
        this.copyThreshold = copyThreshold;
    }

    /** Encodes {@code packet}; a PUBLISH keeps its own payload reference (the result holds a separate one if shared). */
    public ByteBuf encode(ByteBufAllocator allocator, MqttPacket packet, MqttVersion version) {
        if (packet instanceof PublishPacket publish) {
            return encodePublish(allocator, publish, version);
        }
        int propertiesSize = propertiesSize(packet, version);
        int willPropertiesSize = willPropertiesSize(packet, version);
        int remainingLength = bodySize(packet, version, propertiesSize, willPropertiesSize);
        ByteBuf out = allocator.buffer(1 + VariableByteInteger.size(remainingLength) + remainingLength);
        try {
            out.writeByte(packet.type().code() << 4 | fixedFlags(packet));
            VariableByteInteger.write(out, remainingLength);
            writeBody(out, packet, version, propertiesSize, willPropertiesSize);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** The size the encoding of {@code packet} takes on the wire, for Maximum Packet Size checks. */
    public static int encodedSize(MqttPacket packet, MqttVersion version) {
        int remainingLength;
        if (packet instanceof PublishPacket publish) {
            int propertiesSize = version.isV5() ? PropertiesCodec.size(publish.properties()) : 0;
            remainingLength = PublishCodec.headerBodySize(publish, version, propertiesSize)
                    + publish.payload().readableBytes();
        } else {
            remainingLength =
                    bodySize(packet, version, propertiesSize(packet, version), willPropertiesSize(packet, version));
        }
        return 1 + VariableByteInteger.size(remainingLength) + remainingLength;
    }

    private ByteBuf encodePublish(ByteBufAllocator allocator, PublishPacket packet, MqttVersion version) {
        int propertiesSize = version.isV5() ? PropertiesCodec.size(packet.properties()) : 0;
        int headerBodySize = PublishCodec.headerBodySize(packet, version, propertiesSize);
        ByteBuf payload = packet.payload();
        int payloadSize = payload.readableBytes();
        int remainingLength = headerBodySize + payloadSize;
        if (remainingLength > VariableByteInteger.MAX_VALUE) {
            throw new IllegalArgumentException("PUBLISH too large for MQTT: " + remainingLength + " bytes");
        }
        int headerSize = 1 + VariableByteInteger.size(remainingLength) + headerBodySize;
        boolean copy = payloadSize <= copyThreshold;
        ByteBuf header = allocator.buffer(copy ? headerSize + payloadSize : headerSize);
        try {
            header.writeByte(PacketType.PUBLISH.code() << 4 | PublishCodec.flags(packet));
            VariableByteInteger.write(header, remainingLength);
            PublishCodec.writeHeaderBody(header, packet, version, propertiesSize);
            if (copy) {
                header.writeBytes(payload, payload.readerIndex(), payloadSize);
                return header;
            }
        } catch (RuntimeException e) {
            header.release();
            throw e;
        }
        CompositeByteBuf composite = allocator.compositeBuffer(2);
        composite.addComponents(true, header, payload.retainedDuplicate());
        return composite;
    }

    private static int fixedFlags(MqttPacket packet) {
        int required = packet.type().requiredFlags();
        return required < 0 ? 0 : required;
    }

    private static int propertiesSize(MqttPacket packet, MqttVersion version) {
        if (!version.isV5()) {
            return 0;
        }
        return switch (packet) {
            case ConnectPacket p -> PropertiesCodec.size(p.properties());
            case ConnAckPacket p -> PropertiesCodec.size(p.properties());
            case PublishPacket p -> PropertiesCodec.size(p.properties());
            case PubAckPacket p -> PropertiesCodec.size(p.properties());
            case PubRecPacket p -> PropertiesCodec.size(p.properties());
            case PubRelPacket p -> PropertiesCodec.size(p.properties());
            case PubCompPacket p -> PropertiesCodec.size(p.properties());
            case SubscribePacket p -> PropertiesCodec.size(p.properties());
            case SubAckPacket p -> PropertiesCodec.size(p.properties());
            case UnsubscribePacket p -> PropertiesCodec.size(p.properties());
            case UnsubAckPacket p -> PropertiesCodec.size(p.properties());
            case DisconnectPacket p -> PropertiesCodec.size(p.properties());
            case AuthPacket p -> PropertiesCodec.size(p.properties());
            case PingReqPacket p -> 0;
            case PingRespPacket p -> 0;
        };
    }

    private static int willPropertiesSize(MqttPacket packet, MqttVersion version) {
        if (version.isV5()
                && packet instanceof ConnectPacket connect
                && connect.will().isPresent()) {
            return PropertiesCodec.size(connect.will().get().properties());
        }
        return 0;
    }

    private static int bodySize(MqttPacket packet, MqttVersion version, int propertiesSize, int willPropertiesSize) {
        return switch (packet) {
            case ConnectPacket p -> ConnectCodec.bodySize(p, propertiesSize, willPropertiesSize);
            case ConnAckPacket p -> ConnAckCodec.bodySize(version, propertiesSize);
            case PublishPacket p ->
                PublishCodec.headerBodySize(p, version, propertiesSize)
                        + p.payload().readableBytes();
            case PubAckPacket p -> AckCodec.bodySize(p.reasonCode(), p.properties(), version, propertiesSize);
            case PubRecPacket p -> AckCodec.bodySize(p.reasonCode(), p.properties(), version, propertiesSize);
            case PubRelPacket p -> AckCodec.bodySize(p.reasonCode(), p.properties(), version, propertiesSize);
            case PubCompPacket p -> AckCodec.bodySize(p.reasonCode(), p.properties(), version, propertiesSize);
            case SubscribePacket p -> SubscribeCodec.bodySize(p, version, propertiesSize);
            case SubAckPacket p -> SubscribeCodec.ackBodySize(p, version, propertiesSize);
            case UnsubscribePacket p -> UnsubscribeCodec.bodySize(p, version, propertiesSize);
            case UnsubAckPacket p -> UnsubscribeCodec.ackBodySize(p, version, propertiesSize);
            case DisconnectPacket p -> DisconnectCodec.bodySize(p.reasonCode(), version, propertiesSize);
            case AuthPacket p -> DisconnectCodec.bodySize(p.reasonCode(), version, propertiesSize);
            case PingReqPacket p -> 0;
            case PingRespPacket p -> 0;
        };
    }

    private static void writeBody(
            ByteBuf out, MqttPacket packet, MqttVersion version, int propertiesSize, int willPropertiesSize) {
        switch (packet) {
            case ConnectPacket p -> ConnectCodec.writeBody(out, p, propertiesSize, willPropertiesSize);
            case ConnAckPacket p -> ConnAckCodec.writeBody(out, p, version, propertiesSize);
            case PublishPacket p -> throw new IllegalStateException("PUBLISH is encoded by encodePublish");
            case PubAckPacket p ->
                AckCodec.writeBody(out, p.packetId(), p.reasonCode(), p.properties(), version, propertiesSize);
            case PubRecPacket p ->
                AckCodec.writeBody(out, p.packetId(), p.reasonCode(), p.properties(), version, propertiesSize);
            case PubRelPacket p ->
                AckCodec.writeBody(out, p.packetId(), p.reasonCode(), p.properties(), version, propertiesSize);
            case PubCompPacket p ->
                AckCodec.writeBody(out, p.packetId(), p.reasonCode(), p.properties(), version, propertiesSize);
            case SubscribePacket p -> SubscribeCodec.writeBody(out, p, version, propertiesSize);
            case SubAckPacket p -> SubscribeCodec.writeAckBody(out, p, version, propertiesSize);
            case UnsubscribePacket p -> UnsubscribeCodec.writeBody(out, p, version, propertiesSize);
            case UnsubAckPacket p -> UnsubscribeCodec.writeAckBody(out, p, version, propertiesSize);
            case DisconnectPacket p ->
                DisconnectCodec.writeBody(out, p.reasonCode(), p.properties(), version, propertiesSize);
            case AuthPacket p ->
                DisconnectCodec.writeBody(out, p.reasonCode(), p.properties(), version, propertiesSize);
            case PingReqPacket p -> {}
            case PingRespPacket p -> {}
        }
    }
}
