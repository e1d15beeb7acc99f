package dev.tern.benchmarks.load;

import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * One MQTT client connection: sends CONNECT when the socket opens and reports the session as ready once the broker
 * accepted it (subclasses may wait for more, such as a SUBACK). Everything after {@link #connect} runs on the channel's
 * event loop, so subclasses keep plain fields; other threads reach them only through {@link #onLoop}.
 */
abstract class ClientConnection extends ChannelInboundHandlerAdapter {
    /** Session expiry asked for by persistent MQTT 5 sessions: long enough to outlive any run, short enough to go away. */
    static final long PERSISTENT_SESSION_EXPIRY_SECONDS = 3600;

    protected final MqttVersion version;
    private final String clientId;
    private final boolean persistent;
    private final MqttEncoder encoder = new MqttEncoder();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    protected ChannelHandlerContext ctx;
    private Channel channel;
    private String failure;

    /**
     * @param persistent a session the broker keeps (3.x Clean Session 0; 5.0 Clean Start with a session expiry), which
     *     is what makes the broker store QoS 1 messages for it; otherwise a clean session that ends with the connection.
     */
    ClientConnection(MqttVersion version, String clientId, boolean persistent) {
        this.version = version;
        this.clientId = clientId;
        this.persistent = persistent;
    }

    /** Opens the TCP connection; {@link #ready()} completes when the session is usable. */
    final CompletableFuture<Void> connect(ClientLoops loops, InetSocketAddress broker) {
        ChannelFuture future = new Bootstrap()
                .group(loops.group())
                .channel(loops.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new PacketDecoder(version), ClientConnection.this);
                    }
                })
                .connect(broker);
        channel = future.channel();
        future.addListener(f -> {
            if (!f.isSuccess()) {
                fail("cannot connect to " + broker + ": " + f.cause());
                closed.complete(null); // never open, so never inactive either
            }
        });
        return ready;
    }

    final CompletableFuture<Void> ready() {
        return ready;
    }

    /** Completes when the connection has closed, for whatever reason. */
    final CompletableFuture<Void> closed() {
        return closed;
    }

    final String clientId() {
        return clientId;
    }

    /** Why this connection failed, or null: reported with the figures instead of aborting the whole run. */
    final String failure() {
        return failure;
    }

    /** Runs {@code task} on this connection's event loop and hands its result to the calling thread. */
    final <T> CompletableFuture<T> onLoop(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Sends DISCONNECT (normal) and closes; {@link #closed()} completes when the socket is gone. */
    final CompletableFuture<Void> disconnect() {
        if (channel == null) {
            return CompletableFuture.completedFuture(null); // never connected
        }
        channel.eventLoop().execute(() -> {
            if (ctx != null && channel.isActive()) {
                ctx.writeAndFlush(encoder.encode(ctx.alloc(), DisconnectPacket.NORMAL, version))
                        .addListener(ChannelFutureListener.CLOSE);
            } else {
                channel.close();
            }
        });
        return closed;
    }

    /** Encodes and queues {@code packet}; nothing reaches the socket until a flush, so callers batch their writes. */
    protected final void write(MqttPacket packet) {
        ctx.write(encoder.encode(ctx.alloc(), packet, version), ctx.voidPromise());
    }

    @Override
    public final void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        MqttProperties properties = MqttProperties.EMPTY;
        if (version.isV5() && persistent) {
            properties = MqttProperties.builder()
                    .put(PropertyId.SESSION_EXPIRY_INTERVAL, PERSISTENT_SESSION_EXPIRY_SECONDS)
                    .build();
        }
        // 3.x: Clean Session 0 is what makes a session persistent. 5.0: Clean Start 1 still gives a fresh session (the
        // client ids are unique per run anyway) and the expiry above keeps it after the connection.
        boolean cleanStart = version.isV5() || !persistent;
        // Keep alive 0: the broker grants its maximum, and a quiet subscriber is never cut off mid-run.
        write(new ConnectPacket(
                version, clientId, cleanStart, 0, Optional.empty(), Optional.empty(), Optional.empty(), properties));
        ctx.flush();
        ctx.fireChannelActive();
    }

    @Override
    public final void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ConnAckPacket connAck) {
                if (connAck.reasonCode().isError()) {
                    fail("CONNACK refused " + clientId + ": " + connAck.reasonCode());
                    ctx.close();
                } else {
                    onConnected();
                }
            } else {
                onPacket((MqttPacket) msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public final void channelInactive(ChannelHandlerContext ctx) {
        if (!ready.isDone()) {
            fail("connection closed before the session of " + clientId + " was ready");
        }
        onClosed();
        closed.complete(null);
    }

    @Override
    public final void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(clientId + ": " + cause);
        ctx.close();
    }

    /** The broker accepted the session. By default it is ready now. */
    protected void onConnected() {
        markReady();
    }

    /** A packet other than CONNACK; the caller releases it afterwards. */
    protected abstract void onPacket(MqttPacket packet);

    /** The connection closed (after {@link #disconnect()} or not); subclasses settle what they were waiting for. */
    protected void onClosed() {}

    protected final void markReady() {
        ready.complete(null);
    }

    protected final void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        ready.completeExceptionally(new IllegalStateException(why));
    }
}
