package dev.tern.mqtt;

import dev.tern.api.session.CloseReason;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DeliveryOutcome;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.transport.CertificateIdentity;
import dev.tern.transport.ConnectionAttributes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The Netty side of one MQTT connection, and nothing more: it feeds decoded packets and connection events to its
 * {@link MqttChannel} and carries out the actions that come back. Writes are flushed once per read batch ({@code
 * channelReadComplete}), at the end of a batch of deliveries (the core's {@code Outlet.flush}, {@link Action.Flush}),
 * and once per event-loop cycle for writes made outside both (callbacks of the core's), never per packet.
 */
final class MqttConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final MqttEncoder ENCODER = new MqttEncoder();

    private final ChannelEnvironment env;
    private final ConnectionLog log;
    private final ArrayDeque<Action> queue = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private MqttChannel channel;
    private ConnectionTimers timers;
    private SocketAddress remoteAddress;
    private boolean running;
    private boolean started;
    private boolean inReadBatch;
    private boolean unflushed;
    private boolean flushScheduled;
    private boolean closing;
    private String closeReason;

    MqttConnectionHandler(ChannelEnvironment env) {
        this.env = env;
        this.log = new ConnectionLog(env.listenerName());
    }

    // ---- Netty events -----------------------------------------------------------------------------------------------

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.channel = new MqttChannel(env, this::peer, new ConnectionOutlet(this), this::runLater);
        this.timers = new ConnectionTimers(ctx.executor(), timer -> run(channel.handleTimeout(timer)));
        if (ctx.channel().isActive()) {
            start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inReadBatch = true;
        switch (msg) {
            case MqttPacket packet -> run(channel.handleIn(packet));
            case DecodeFailure failure -> run(channel.handleDecodeFailure(failure.failure(), failure.version()));
            default -> ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inReadBatch = false;
        flushIfNeeded();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            run(channel.handleWritable());
            flushSoon();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        timers.cancelAll();
        run(channel.handleClosed());
        log.closed(
                channel.clientId().orElse("-"),
                peer().address(),
                channel.version().map(ConnectTerms::protocolOf).orElse("-"),
                closeReason != null ? closeReason : "connection closed by the client",
                closeReason != null);
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        timers.cancelAll();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (closeReason == null) {
            closeReason = cause instanceof IOException ? "connection error: " + cause.getMessage() : "internal error";
        }
        if (!(cause instanceof IOException)) {
            log.internalError(channel.clientId().orElse("-"), peer().address(), cause);
        }
        ctx.close();
    }

    // ---- the outlet's calls -----------------------------------------------------------------------------------------

    EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    /** Writes a delivery; the core ends each batch with {@link #flushDeliveries}, which flushes them together. */
    DeliveryOutcome deliver(Delivery delivery) {
        if (!eventLoop().inEventLoop()) {
            // The core calls on the executor it was given; should it not, the delivery still goes out in order.
            eventLoop().execute(() -> deliver(delivery));
            return DeliveryOutcome.SENT;
        }
        MqttChannel.Delivered delivered = channel.deliver(delivery);
        run(delivered.actions());
        return delivered.outcome();
    }

    void resendRelease(int packetId) {
        onEventLoop(() -> {
            run(channel.resendRelease(packetId));
            flushSoon();
        });
    }

    void flushDeliveries() {
        onEventLoop(() -> run(channel.flush()));
    }

    boolean isWritable() {
        return !closing && ctx.channel().isWritable();
    }

    void closeFor(CloseReason reason) {
        onEventLoop(() -> run(channel.close(reason)));
    }

    // ---- carrying out actions ---------------------------------------------------------------------------------------

    private void start() {
        if (!started) {
            started = true;
            remoteAddress = ctx.channel().remoteAddress();
            run(channel.start());
        }
    }

    /** Actions from a callback of the core's: on the event loop, flushed by the end of the loop cycle. */
    private void runLater(List<Action> actions) {
        onEventLoop(() -> {
            run(actions);
            flushSoon();
        });
    }

    /**
     * Carries out actions in order. Not re-entrant: a flush may make the channel writable and so deliver more at
     * once; those actions queue behind the ones in hand instead of overtaking them.
     */
    private void run(List<Action> actions) {
        queue.addAll(actions);
        if (running) {
            return;
        }
        running = true;
        try {
            Action action;
            while ((action = queue.poll()) != null) {
                execute(action);
            }
        } finally {
            running = false;
        }
    }

    private void execute(Action action) {
        switch (action) {
            case Action.Send send -> write(send);
            case Action.Flush flush -> flushIfNeeded();
            case Action.Close close -> {
                if (closeReason == null) {
                    closeReason = close.reason();
                }
                if (!closing) {
                    closing = true;
                    // Written after everything before it, so the close comes once a final DISCONNECT is out.
                    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                    unflushed = false;
                }
            }
            case Action.SetTimer set -> {
                if (!closing) {
                    timers.set(set.timer(), set.delayMillis());
                }
            }
            case Action.CancelTimer cancel -> timers.cancel(cancel.timer());
            case Action.Reading reading -> ctx.channel().config().setAutoRead(reading.enabled());
            case Action.Opened opened -> log.opened(opened, peer().address());
        }
    }

    private void write(Action.Send send) {
        MqttPacket packet = send.packet();
        if (closing) {
            ReferenceCountUtil.release(packet);
            return;
        }
        ByteBuf bytes;
        try {
            bytes = ENCODER.encode(ctx.alloc(), packet, send.version());
        } finally {
            ReferenceCountUtil.release(packet);
        }
        env.traffic().bytesSent(bytes.readableBytes());
        ctx.write(bytes, ctx.voidPromise());
        unflushed = true;
    }

    /**
     * Flushes by the end of this event-loop cycle, once for every write made meanwhile: for writes outside both a read
     * batch and a delivery batch (callbacks of the core's, such as a PUBACK after the store confirmed).
     */
    private void flushSoon() {
        if (unflushed && !inReadBatch && !flushScheduled) {
            flushScheduled = true;
            eventLoop().execute(() -> {
                flushScheduled = false;
                flushIfNeeded();
            });
        }
    }

    private void flushIfNeeded() {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
    }

    private void onEventLoop(Runnable task) {
        if (eventLoop().inEventLoop()) {
            task.run();
        } else {
            eventLoop().execute(task);
        }
    }

    /**
     * The client: its address is the one a PROXY protocol header gave, if the transport set it, else the socket's; its
     * certificate is the one TLS verified, if any.
     */
    private Peer peer() {
        Optional<CertificateIdentity> certificate = Optional.ofNullable(
                ctx.channel().attr(ConnectionAttributes.CLIENT_CERTIFICATE).get());
        SocketAddress proxied = ctx.channel().attr(MqttPipeline.CLIENT_ADDRESS).get();
        if (proxied != null) {
            return Peer.of(proxied, certificate);
        }
        return Peer.of(remoteAddress != null ? remoteAddress : ctx.channel().remoteAddress(), certificate);
    }

    @Override
    public String toString() {
        return "MqttConnectionHandler[" + (ctx == null ? "-" : ctx.channel()) + "]";
    }
}
