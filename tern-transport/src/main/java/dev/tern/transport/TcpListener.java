package dev.tern.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts TCP connections on one address and hands each to a {@link ChannelSetup}. It keeps the group of connections
 * it accepted, so that its owner can wait for them to close on shutdown.
 */
public final class TcpListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TcpListener.class);

    /** Pending connections the kernel queues while the acceptor is busy; Netty's default (from somaxconn) may be 128. */
    private static final int ACCEPT_BACKLOG = 1_024;

    private final TcpListenerSettings settings;
    private final ListenerLayers layers;
    private final Channel serverChannel;
    private final ChannelGroup connections;

    private TcpListener(
            TcpListenerSettings settings, ListenerLayers layers, Channel serverChannel, ChannelGroup connections) {
        this.settings = settings;
        this.layers = layers;
        this.serverChannel = serverChannel;
        this.connections = connections;
    }

    /**
     * Binds and starts accepting. Fails with an {@link IOException} whose message names the address when the address
     * cannot be resolved or bound (in use, not local, no permission).
     */
    public static TcpListener bind(TcpListenerSettings settings, EventLoops loops, ChannelSetup setup)
            throws IOException {
        return bind(settings, ListenerLayers.plain(), loops, setup);
    }

    /**
     * Binds and starts accepting, with {@code layers} (PROXY protocol, TLS, WebSocket, a connection cap) between each
     * connection's socket and {@code setup}'s handlers. Fails as {@link #bind(TcpListenerSettings, EventLoops,
     * ChannelSetup)} does.
     */
    public static TcpListener bind(
            TcpListenerSettings settings, ListenerLayers layers, EventLoops loops, ChannelSetup setup)
            throws IOException {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(layers, "layers");
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve the bind address '" + settings.bindAddress() + "'");
        }
        ChannelGroup connections = new DefaultChannelGroup(settings.name(), GlobalEventExecutor.INSTANCE);
        ConnectionLimit limit = new ConnectionLimit(settings.name(), layers.maxConnections());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.group())
                .channel(loops.serverChannelType())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(
                                settings.writeBufferLowWaterMark(), settings.writeBufferHighWaterMark()))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) throws Exception {
                        if (!limit.admit(channel, connections)) {
                            return;
                        }
                        connections.add(channel); // removed again by the group when the channel closes
                        ListenerPipeline.install(channel, settings.name(), layers);
                        setup.install(channel);
                    }
                });
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw new IOException(
                    "cannot listen on " + layers.scheme() + " " + hostAndPort(settings.bindAddress(), settings.port())
                            + ": " + describe(cause),
                    cause);
        }
        layers.tls().ifPresent(tls -> tls.watch(loops));
        TcpListener listener = new TcpListener(settings, layers, bound.channel(), connections);
        log.debug("listener {} bound to {}", settings.name(), bound.channel().localAddress());
        return listener;
    }

    public String name() {
        return settings.name();
    }

    /** {@code tcp}, {@code tls}, {@code ws} or {@code wss}. */
    public String scheme() {
        return layers.scheme();
    }

    /** The layers between the socket and the protocol: TLS (with its certificate), WebSocket, PROXY protocol. */
    public ListenerLayers layers() {
        return layers;
    }

    /** The address as configured (not resolved), such as {@code 0.0.0.0}. */
    public String bindAddress() {
        return settings.bindAddress();
    }

    /** The port actually bound: the configured one, or the ephemeral port picked for port 0. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** The open connections this listener accepted; closed ones leave the group by themselves. */
    public ChannelGroup connections() {
        return connections;
    }

    /** Whether the listener still accepts connections. */
    public boolean isAccepting() {
        return serverChannel.isOpen();
    }

    /** Stops accepting, waiting at most {@code timeout}; connections already accepted stay open. */
    public void stopAccepting(Duration timeout) {
        layers.tls().ifPresent(ServerTls::close);
        serverChannel.close().awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops accepting; connections already accepted stay open (see {@link #connections()}). */
    @Override
    public void close() {
        stopAccepting(Duration.ofSeconds(5));
    }

    /** {@code host:port}, with IPv6 literals in brackets. */
    public static String hostAndPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
