package dev.tern.api.session;

/** When retained messages are sent for a new subscription. */
public enum RetainHandling {
    SEND_ON_SUBSCRIBE,
    SEND_IF_NEW_SUBSCRIPTION,
    DO_NOT_SEND
}
