package dev.tern.api.broker;

/**
 * Byte counts that only protocol channels see (the core counts messages itself); they feed {@code $SYS/broker/bytes/*}
 * and metrics. Implementations are thread-safe and cheap (striped counters).
 */
public interface Traffic {
    void bytesReceived(long bytes);

    void bytesSent(long bytes);

    /** A message a subscriber did not get, with why (for $SYS and metrics). */
    void messageDropped(DropReason reason);

    /** Why a message was not delivered to a subscriber. */
    enum DropReason {
        /** Larger than the client's Maximum Packet Size. */
        TOO_LARGE_FOR_CLIENT,
        /** The session's queue was full. */
        QUEUE_FULL,
        /** Its Message Expiry Interval passed before it could be delivered. */
        EXPIRED,
        /** QoS 0 to an offline session, or to a connection that could not take more. */
        QOS0_NOT_DELIVERABLE
    }
}
