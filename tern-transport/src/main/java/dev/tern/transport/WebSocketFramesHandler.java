package dev.tern.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * MQTT over WebSocket: the payload of each binary frame goes up as plain bytes (the MQTT decoder reassembles packets
 * that frames split or merge), and bytes written down go out as binary frames. A text frame is a protocol error
 * (MQTT over WebSocket is binary), answered with a close. An HTTP request for another path than the WebSocket's gets
 * 404.
 */
final class WebSocketFramesHandler extends ChannelDuplexHandler {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case BinaryWebSocketFrame frame -> ctx.fireChannelRead(frame.content());
            case ContinuationWebSocketFrame frame -> ctx.fireChannelRead(frame.content());
            case TextWebSocketFrame frame -> {
                frame.release();
                ctx.writeAndFlush(new CloseWebSocketFrame(
                                WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "MQTT over WebSocket uses binary frames"))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            case FullHttpRequest request -> {
                request.release();
                DefaultFullHttpResponse notFound = new DefaultFullHttpResponse(
                        request.protocolVersion(),
                        HttpResponseStatus.NOT_FOUND,
                        ctx.alloc().buffer(0));
                notFound.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                ctx.writeAndFlush(notFound).addListener(ChannelFutureListener.CLOSE);
            }
            default -> ReferenceCountUtil.release(msg); // other frames (ping, pong, close) are the protocol handler's
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            ctx.write(new BinaryWebSocketFrame(bytes), promise);
        } else {
            ctx.write(msg, promise); // an empty buffer only marks a flush point (as before a close)
        }
    }
}
