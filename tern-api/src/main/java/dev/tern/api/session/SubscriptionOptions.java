package dev.tern.api.session;

import dev.tern.api.message.Qos;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a subscription wants its messages.
 *
 * @param maximumQos messages are delivered at the lower of their QoS and this
 * @param noLocal do not deliver the client's own publications
 * @param retainAsPublished keep the RETAIN flag as published instead of clearing it on live messages
 * @param subscriptionIdentifier sent back with every message this subscription matches (MQTT 5)
 */
public record SubscriptionOptions(
        Qos maximumQos,
        boolean noLocal,
        boolean retainAsPublished,
        RetainHandling retainHandling,
        OptionalInt subscriptionIdentifier) {

    public SubscriptionOptions {
        Objects.requireNonNull(maximumQos, "maximumQos");
        Objects.requireNonNull(retainHandling, "retainHandling");
        Objects.requireNonNull(subscriptionIdentifier, "subscriptionIdentifier");
    }

    /** Plain options: QoS only, as MQTT 3.x, MQTT-SN and CoAP express them. */
    public static SubscriptionOptions of(Qos maximumQos) {
        return new SubscriptionOptions(maximumQos, false, false, RetainHandling.SEND_ON_SUBSCRIBE, OptionalInt.empty());
    }
}
