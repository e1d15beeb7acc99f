package dev.tern.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/** Puts a listener's layers on an accepted connection, outermost first: PROXY header, TLS, WebSocket. */
final class ListenerPipeline {
    /** An upgrade request is a few hundred bytes; anything near this is not a WebSocket client. */
    private static final int MAX_UPGRADE_REQUEST_BYTES = 16 * 1024;

    private static final long WEBSOCKET_HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private ListenerPipeline() {}

    static void install(Channel channel, String listenerName, ListenerLayers layers) {
        ChannelPipeline pipeline = channel.pipeline();
        if (layers.proxyProtocol()) {
            pipeline.addLast("proxy-gate", new ProxyHeaderHandler.Gate(listenerName));
            pipeline.addLast(ProxyHeaderHandler.DECODER, ProxyHeaderHandler.decoder());
            pipeline.addLast("proxy-header", new ProxyHeaderHandler(listenerName));
        }
        layers.tls().ifPresent(tls -> {
            pipeline.addLast("tls", tls.newHandler(channel.alloc()));
            pipeline.addLast("tls-identity", new TlsIdentityHandler(listenerName, tls.settings()));
        });
        layers.webSocket().ifPresent(webSocket -> {
            pipeline.addLast("http", new HttpServerCodec());
            pipeline.addLast("http-aggregator", new HttpObjectAggregator(MAX_UPGRADE_REQUEST_BYTES));
            pipeline.addLast(
                    "websocket",
                    new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                            .websocketPath(webSocket.path())
                            .subprotocols(WebSocketSettings.SUBPROTOCOLS)
                            .maxFramePayloadLength(webSocket.maxFrameBytes())
                            .handshakeTimeoutMillis(WEBSOCKET_HANDSHAKE_TIMEOUT_MILLIS)
                            .build()));
            pipeline.addLast("websocket-frames", new WebSocketFramesHandler());
        });
    }
}
