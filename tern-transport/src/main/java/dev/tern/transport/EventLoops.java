package dev.tern.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network threads: one Netty event loop group that accepts connections and serves them, on epoll where the native
 * library loads (Linux x86-64) and on NIO elsewhere. Listeners take their channel type from here, so the group and the
 * channels always match.
 */
public final class EventLoops {
    private static final Logger log = LoggerFactory.getLogger(EventLoops.class);

    private final EventLoopGroup group;
    private final Class<? extends ServerChannel> serverChannelType;
    private final String transportName;
    private final int threads;

    private EventLoops(
            EventLoopGroup group, Class<? extends ServerChannel> serverChannelType, String transportName, int threads) {
        this.group = group;
        this.serverChannelType = serverChannelType;
        this.transportName = transportName;
        this.threads = threads;
    }

    /** Starts {@code threads} event loops named {@code tern-io-*}: on epoll when available, else on NIO. */
    public static EventLoops start(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("event loop threads must be at least 1, was " + threads);
        }
        if (Epoll.isAvailable()) {
            return start(threads, EpollIoHandler.newFactory(), EpollServerSocketChannel.class, "epoll");
        }
        log.debug("epoll is not available ({}); using NIO", String.valueOf(Epoll.unavailabilityCause()));
        return start(threads, NioIoHandler.newFactory(), NioServerSocketChannel.class, "nio");
    }

    /** Starts {@code threads} NIO event loops, whatever the platform offers (for tests of the fallback). */
    public static EventLoops startNio(int threads) {
        return start(threads, NioIoHandler.newFactory(), NioServerSocketChannel.class, "nio");
    }

    private static EventLoops start(
            int threads, IoHandlerFactory handlers, Class<? extends ServerChannel> channelType, String name) {
        // Daemon threads: whoever starts the loops owns their lifecycle and stops them explicitly; a forgotten group in
        // a test must not keep the JVM alive.
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("tern-io", true);
        return new EventLoops(
                new MultiThreadIoEventLoopGroup(threads, threadFactory, handlers), channelType, name, threads);
    }

    EventLoopGroup group() {
        return group;
    }

    Class<? extends ServerChannel> serverChannelType() {
        return serverChannelType;
    }

    /** {@code epoll} or {@code nio}, for the start-up log. */
    public String transportName() {
        return transportName;
    }

    public int threads() {
        return threads;
    }

    /**
     * Stops the loops: tasks already queued still run (so pending writes and closes complete), then the threads end.
     * Waits at most {@code timeout}; returns whether they ended in time.
     */
    public boolean shutdown(Duration timeout) {
        long millis = timeout.toMillis();
        return group.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(millis + 1_000, TimeUnit.MILLISECONDS);
    }
}
