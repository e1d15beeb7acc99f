package dev.tern.transport;

import java.util.Objects;

/**
 * Where and how a TCP listener listens.
 *
 * @param name the listener's name in logs and in {@code ClientInfo.listener()}, such as {@code mqtt-tcp}
 * @param bindAddress the local address to listen on: a host name or IP literal; {@code 0.0.0.0} or {@code ::} for all
 * @param port the TCP port; 0 picks a free ephemeral port ({@link TcpListener#port()} tells which)
 * @param writeBufferLowWaterMark bytes pending on a connection below which it becomes writable again
 * @param writeBufferHighWaterMark bytes pending on a connection above which {@code Channel.isWritable()} turns false,
 *     so that senders hold back instead of queueing without bound in Netty's outbound buffer
 */
public record TcpListenerSettings(
        String name, String bindAddress, int port, int writeBufferLowWaterMark, int writeBufferHighWaterMark) {

    /**
     * Netty's default marks (32/64 KiB) flip writability a lot under fan-out of 1 KiB messages; 64/256 KiB lets a burst
     * go out in one flush and still bounds what one slow subscriber can pin in memory.
     */
    public static final int DEFAULT_LOW_WATER_MARK = 64 * 1024;

    public static final int DEFAULT_HIGH_WATER_MARK = 256 * 1024;

    public TcpListenerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (writeBufferLowWaterMark < 0 || writeBufferHighWaterMark < writeBufferLowWaterMark) {
            throw new IllegalArgumentException("write buffer water marks must satisfy 0 <= low <= high, were "
                    + writeBufferLowWaterMark + " and " + writeBufferHighWaterMark);
        }
    }

    /** A listener with the default write buffer water marks. */
    public static TcpListenerSettings of(String name, String bindAddress, int port) {
        return new TcpListenerSettings(name, bindAddress, port, DEFAULT_LOW_WATER_MARK, DEFAULT_HIGH_WATER_MARK);
    }
}
