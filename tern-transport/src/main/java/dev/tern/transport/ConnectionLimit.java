package dev.tern.transport;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's own cap on open connections: one more is closed as soon as it is accepted, before any TLS or protocol
 * work is spent on it. Refusals are logged at most once a minute, with a count, so a flood does not flood the log.
 */
final class ConnectionLimit {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimit.class);

    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final String listenerName;
    private final int max;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    ConnectionLimit(String listenerName, int max) {
        this.listenerName = listenerName;
        this.max = max;
    }

    /** Whether {@code channel} may stay, given the connections already open; closes it if not. */
    boolean admit(Channel channel, ChannelGroup open) {
        if (max == 0 || open.size() < max) {
            return true;
        }
        channel.close();
        long refused = refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogNanos.compareAndSet(last, now)) {
            refusedSinceLog.addAndGet(-refused);
            log.warn(
                    "listener {}: {} connections open, its max_connections; closed {} new connection(s), the last from {}",
                    listenerName,
                    max,
                    refused,
                    channel.remoteAddress());
        }
        return false;
    }
}
