package dev.tern.api.store;

import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import java.util.List;
import java.util.Objects;

/**
 * A QoS 1/2 delivery waiting in, or in flight from, a session's queue.
 *
 * @param seq the session's sequence number: deliveries are restored in this order, and the packet identifier a
 *     delivery is sent with derives from it, so a delivery resent after a restart keeps its identifier
 * @param messageId the broker-wide identity of the stored message, shared by every delivery of it
 * @param qos the QoS it is delivered with (the lower of the message's and the subscription's)
 * @param retain the RETAIN flag it is delivered with
 * @param released the client has received it (QoS 2 PUBREC): only its PUBREL is outstanding
 */
public record StoredDelivery(
        long seq,
        long messageId,
        Message message,
        Qos qos,
        boolean retain,
        List<Integer> subscriptionIdentifiers,
        boolean released) {
    public StoredDelivery {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(qos, "qos");
        subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
        if (qos == Qos.AT_MOST_ONCE) {
            throw new IllegalArgumentException("QoS 0 deliveries are never stored");
        }
    }
}
