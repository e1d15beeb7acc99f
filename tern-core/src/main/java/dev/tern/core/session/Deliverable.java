package dev.tern.core.session;

import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import java.util.List;

/**
 * A message routed to one session, waiting in its queue or in flight.
 *
 * @param seq the session's sequence number for QoS 1/2 deliveries (unused for QoS 0): the packet identifier derives
 *     from it, so a delivery keeps its identifier across a restart of the broker
 * @param messageId the stored message this delivery references, when {@code storeGeneration} is not 0
 * @param storeGeneration the session's store generation when this delivery was journalled, 0 when it was not: a
 *     delivery's removal is journalled only while the session still holds the generation that stored it
 * @param redelivery restored after a restart: it may have been sent before, so it goes out with DUP set
 */
record Deliverable(
        Message message,
        Qos qos,
        boolean retain,
        List<Integer> subscriptionIdentifiers,
        long seq,
        long messageId,
        long storeGeneration,
        boolean redelivery) {

    /** A delivery that is not journalled. */
    static Deliverable transientDelivery(
            Message message, Qos qos, boolean retain, List<Integer> subscriptionIdentifiers, long seq) {
        return new Deliverable(message, qos, retain, subscriptionIdentifiers, seq, 0, 0, false);
    }

    /** The packet identifier this delivery is sent with: 1..65535, derived from its sequence number. */
    int packetId() {
        return qos == Qos.AT_MOST_ONCE ? 0 : packetIdOf(seq);
    }

    static int packetIdOf(long seq) {
        return (int) Math.floorMod(seq, 65_535L) + 1;
    }

    boolean isStored() {
        return storeGeneration != 0;
    }

    long size() {
        return message.payload().size();
    }
}
