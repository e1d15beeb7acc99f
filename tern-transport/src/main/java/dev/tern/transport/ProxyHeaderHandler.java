package dev.tern.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the PROXY protocol header (v1 or v2) that a load balancer sends first, records the client's address it names
 * as {@link ConnectionAttributes#CLIENT_ADDRESS}, and leaves the pipeline with the decoder. A connection that does not
 * start with a valid header is closed: on a PROXY protocol listener, anything else is a client bypassing the
 * balancer, and its claims about itself must not be believed.
 */
final class ProxyHeaderHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ProxyHeaderHandler.class);

    static final String DECODER = "proxy-decoder";

    private final String listenerName;

    ProxyHeaderHandler(String listenerName) {
        this.listenerName = listenerName;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HAProxyMessage header)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            // LOCAL: the balancer's own health check, about itself; the socket's address is the truth then.
            if (header.command() == HAProxyCommand.PROXY && header.sourceAddress() != null) {
                byte[] literal = NetUtil.createByteArrayFromIpAddressString(header.sourceAddress());
                if (literal == null) {
                    refuse(ctx, "a source address that is not an IP address: " + header.sourceAddress());
                    return;
                }
                InetSocketAddress client =
                        new InetSocketAddress(InetAddress.getByAddress(literal), header.sourcePort());
                ctx.channel().attr(ConnectionAttributes.CLIENT_ADDRESS).set(client);
            }
        } catch (java.net.UnknownHostException e) {
            refuse(ctx, "a source address that is not an IP address: " + header.sourceAddress());
            return;
        } finally {
            header.release();
        }
        ctx.pipeline().remove(this); // the decoder removes itself once it has read the header
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        refuse(ctx, cause.getMessage());
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
        log.debug(
                "listener {}: closing {}: no valid PROXY protocol header ({})",
                listenerName,
                ctx.channel().remoteAddress(),
                why);
        ctx.close();
    }

    static HAProxyMessageDecoder decoder() {
        return new HAProxyMessageDecoder();
    }

    /**
     * Closes a connection as soon as its first bytes cannot begin a PROXY header (the decoder alone would wait for a
     * line end that an MQTT client never sends), and leaves once they can.
     */
    static final class Gate extends ByteToMessageDecoder {
        private final String listenerName;

        Gate(String listenerName) {
            this.listenerName = listenerName;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            switch (HAProxyMessageDecoder.detectProtocol(in).state()) {
                case NEEDS_MORE_DATA -> {}
                case DETECTED -> ctx.pipeline().remove(this); // the bytes read so far go on to the decoder
                case INVALID -> {
                    log.debug(
                            "listener {}: closing {}: it did not start with a PROXY protocol header",
                            listenerName,
                            ctx.channel().remoteAddress());
                    in.skipBytes(in.readableBytes());
                    ctx.close();
                }
            }
        }
    }
}
