package dev.tern.api.session;

/** The answer to one filter of an unsubscribe request. */
public enum UnsubscribeResult {
    REMOVED,
    NO_SUBSCRIPTION_EXISTED
}
