package dev.tern.mqtt.codec;

import java.util.Objects;

/** The options byte of one SUBSCRIBE entry (section 3.8.3.1); 3.x carries only the maximum QoS. */
public record SubscriptionOptions(
        MqttQos maximumQos, boolean noLocal, boolean retainAsPublished, RetainHandling retainHandling) {

    public SubscriptionOptions {
        Objects.requireNonNull(maximumQos, "maximumQos");
        Objects.requireNonNull(retainHandling, "retainHandling");
    }

    /** The options 3.x can express: a QoS and the 5.0 defaults for the rest. */
    public static SubscriptionOptions of(MqttQos maximumQos) {
        return new SubscriptionOptions(maximumQos, false, false, RetainHandling.SEND_ON_SUBSCRIBE);
    }
}
