package dev.tern.benchmarks.load;

import dev.tern.mqtt.codec.MqttDecoder;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttVersion;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/** Frames the broker's byte stream into packets with Tern's client-side decoder. */
final class PacketDecoder extends ByteToMessageDecoder {
    /** The largest packet MQTT allows: the generator accepts whatever the broker sends, it does not police sizes. */
    private static final int MAXIMUM_PACKET_SIZE = 268_435_460;

    private final MqttDecoder decoder;

    PacketDecoder(MqttVersion version) {
        this.decoder = MqttDecoder.forClient(version, MAXIMUM_PACKET_SIZE);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        MqttPacket packet;
        while ((packet = decoder.decode(in)) != null) {
            out.add(packet);
        }
    }
}
