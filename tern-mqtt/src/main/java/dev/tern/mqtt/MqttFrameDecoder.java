package dev.tern.mqtt;

import dev.tern.api.broker.Traffic;
import dev.tern.mqtt.codec.MalformedPacketException;
import dev.tern.mqtt.codec.MqttDecoder;
import dev.tern.mqtt.codec.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Bytes to {@link MqttPacket}s, one connection's {@link MqttDecoder} on Netty's cumulation. The packet size limit is
 * checked from the fixed header, before a body is buffered. The first failure is passed on as a {@link
 * DecodeFailure}; everything after it is discarded unread, as the connection is about to close.
 */
final class MqttFrameDecoder extends ByteToMessageDecoder {
    private final MqttDecoder decoder;
    private final Traffic traffic;
    private boolean failed;

    MqttFrameDecoder(int maximumPacketSize, Traffic traffic) {
        this.decoder = MqttDecoder.forServer(maximumPacketSize);
        this.traffic = traffic;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf bytes) {
            traffic.bytesReceived(bytes.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            MqttPacket packet = decoder.decode(in);
            if (packet != null) {
                out.add(packet);
            }
        } catch (MalformedPacketException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            out.add(new DecodeFailure(e, decoder.version()));
        }
    }
}
