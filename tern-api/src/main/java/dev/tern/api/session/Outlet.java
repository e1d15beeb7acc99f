package dev.tern.api.session;

import java.util.concurrent.Executor;

/**
 * The core's way back to a connected client, implemented by each protocol channel. Every method is called on {@link
 * #executor()}, the connection's own thread, so an outlet needs no locking; while connected, the session runs there
 * too, so a delivery costs no thread hop.
 */
public interface Outlet {
    /** The thread that owns the connection; the session is confined to it while connected. */
    Executor executor();

    /** Sends one message. Called in batches; {@link #flush()} ends each batch. */
    DeliveryOutcome deliver(Delivery delivery);

    /** Resends the release of a QoS 2 delivery the client has acknowledged as received (after a reconnect). */
    void resendRelease(int packetId);

    /** Ends a batch of deliveries: write everything out now. */
    void flush();

    /** Whether the connection can take more now; when not, the session holds QoS 1/2 deliveries back. */
    boolean isWritable();

    /** Closes the connection for a reason of the core's; the channel says so to the client where its protocol can. */
    void close(CloseReason reason);
}
