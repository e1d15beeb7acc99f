package dev.tern.benchmarks.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The generator's network threads: epoll where the native library loads (as the broker's own transport), NIO
 * elsewhere, so that on Linux both sides of the benchmark pay the same per-syscall costs.
 */
final class ClientLoops implements AutoCloseable {
    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final String transportName;

    private ClientLoops(EventLoopGroup group, Class<? extends SocketChannel> channelType, String transportName) {
        this.group = group;
        this.channelType = channelType;
        this.transportName = transportName;
    }

    /** Starts {@code threads} event loops named {@code tern-bench-*}. */
    static ClientLoops start(int threads) {
        if (Epoll.isAvailable()) {
            return start(threads, EpollIoHandler.newFactory(), EpollSocketChannel.class, "epoll");
        }
        return start(threads, NioIoHandler.newFactory(), NioSocketChannel.class, "nio");
    }

    private static ClientLoops start(
            int threads, IoHandlerFactory handlers, Class<? extends SocketChannel> channelType, String name) {
        // Daemon threads: a run that fails half-way must not keep the JVM alive.
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("tern-bench", true);
        return new ClientLoops(new MultiThreadIoEventLoopGroup(threads, threadFactory, handlers), channelType, name);
    }

    EventLoopGroup group() {
        return group;
    }

    Class<? extends SocketChannel> channelType() {
        return channelType;
    }

    /** {@code epoll} or {@code nio}, reported with the figures. */
    String transportName() {
        return transportName;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
