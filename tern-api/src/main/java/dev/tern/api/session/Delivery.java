package dev.tern.api.session;

import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import java.util.List;
import java.util.Objects;

/**
 * One message on its way to one client, with what this session decided for it.
 *
 * @param qos the delivery QoS (the message's, downgraded to the subscription's maximum)
 * @param packetId the session's identifier for this delivery (1..65535), 0 for QoS 0
 * @param duplicate a resend of a delivery the client may have seen
 * @param retain the RETAIN flag to send (set for retained messages sent on subscribe, or when retain-as-published)
 * @param subscriptionIdentifiers of every subscription of this client the message matched
 */
public record Delivery(
        Message message,
        Qos qos,
        int packetId,
        boolean duplicate,
        boolean retain,
        List<Integer> subscriptionIdentifiers) {

    public Delivery {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(qos, "qos");
        subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
        if ((qos == Qos.AT_MOST_ONCE) != (packetId == 0) || packetId < 0 || packetId > 0xFFFF) {
            throw new IllegalArgumentException("packet id " + packetId + " does not fit QoS " + qos);
        }
    }
}
