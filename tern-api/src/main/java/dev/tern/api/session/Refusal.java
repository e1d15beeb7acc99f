package dev.tern.api.session;

/**
 * Why the core refused something a client asked for. Protocol adapters map each to their own code (MQTT 5 reason
 * codes, 3.x failure codes, CoAP response codes, HTTP status).
 */
public enum Refusal {
    NOT_AUTHORIZED,
    QUOTA_EXCEEDED,
    TOPIC_FILTER_INVALID,
    TOPIC_NAME_INVALID,
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED,
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED,
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED,
    PACKET_IDENTIFIER_IN_USE,
    PACKET_IDENTIFIER_NOT_FOUND,
    IMPLEMENTATION_SPECIFIC
}
