package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.util.Objects;

/**
 * PUBLISH (section 3.3). The payload is a slice of the connection's receive buffer on the way in (no copy) and is
 * shared, not copied, by every encoding on the way out; this record therefore owns one reference to it, and whoever
 * holds the packet releases it ({@link ReferenceCounted} so that Netty's pipeline does so by itself).
 *
 * <p>{@code retainFlag} is the RETAIN bit (named so because {@code retain()} is the reference-count method).
 * {@code packetId} is 0 for QoS 0 and 1..65535 otherwise. In 5.0 the topic may be empty when a Topic Alias is set.
 */
public record PublishPacket(
        boolean dup,
        MqttQos qos,
        boolean retainFlag,
        String topic,
        int packetId,
        MqttProperties properties,
        ByteBuf payload)
        implements MqttPacket, ReferenceCounted {

    public PublishPacket {
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(payload, "payload");
        if (qos == MqttQos.AT_MOST_ONCE ? packetId != 0 : packetId < 1 || packetId > 0xFFFF) {
            throw new IllegalArgumentException("packet id " + packetId + " does not fit QoS " + qos.value());
        }
        if (dup && qos == MqttQos.AT_MOST_ONCE) {
            throw new IllegalArgumentException("DUP must be 0 for QoS 0 [MQTT-3.3.1-2]");
        }
    }

    @Override
    public PacketType type() {
        return PacketType.PUBLISH;
    }

    /** The same message with other header fields, sharing (not retaining) this payload. */
    public PublishPacket withHeader(boolean dup, MqttQos qos, boolean retainFlag, int packetId) {
        return new PublishPacket(dup, qos, retainFlag, topic, packetId, properties, payload);
    }

    @Override
    public int refCnt() {
        return payload.refCnt();
    }

    @Override
    public PublishPacket retain() {
        payload.retain();
        return this;
    }

    @Override
    public PublishPacket retain(int increment) {
        payload.retain(increment);
        return this;
    }

    @Override
    public PublishPacket touch() {
        payload.touch();
        return this;
    }

    @Override
    public PublishPacket touch(Object hint) {
        payload.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return payload.release();
    }

    @Override
    public boolean release(int decrement) {
        return payload.release(decrement);
    }

    @Override
    public String toString() {
        return "PublishPacket[dup=" + dup + ", qos=" + qos.value() + ", retain=" + retainFlag + ", topic=" + topic
                + ", packetId=" + packetId + ", properties=" + properties + ", payload=" + payload.readableBytes()
                + " bytes]";
    }
}
