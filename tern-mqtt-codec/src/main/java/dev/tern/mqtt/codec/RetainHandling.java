package dev.tern.mqtt.codec;

/** Subscription option Retain Handling (section 3.8.3.1); the value 3 is a Protocol Error [MQTT-3.8.3-5]. */
public enum RetainHandling {
    /** Send retained messages at the time of the subscribe. */
    SEND_ON_SUBSCRIBE,
    /** Send retained messages only if the subscription did not exist before. */
    SEND_IF_NEW_SUBSCRIPTION,
    /** Never send retained messages for this subscription. */
    DO_NOT_SEND;

    public int value() {
        return ordinal();
    }
}
