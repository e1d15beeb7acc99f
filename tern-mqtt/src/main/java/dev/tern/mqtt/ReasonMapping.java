package dev.tern.mqtt;

import dev.tern.api.message.Qos;
import dev.tern.api.security.AuthenticationResult;
import dev.tern.api.session.CloseReason;
import dev.tern.api.session.ConnectRefusal;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.Refusal;
import dev.tern.api.session.SubscribeResult;
import dev.tern.api.session.UnsubscribeResult;
import dev.tern.mqtt.codec.ReasonCode;

/**
 * The one place where the core's protocol-neutral answers become MQTT 5 reason codes. MQTT 3.x codes follow from
 * these in the encoder (CONNACK return codes by {@code ConnectReturnCode.of}, SUBACK failures as 0x80).
 */
final class ReasonMapping {
    private ReasonMapping() {}

    /** CONNACK code for a refused connect; 3.x gets return code 3 (server unavailable) for both. */
    static ReasonCode of(ConnectRefusal refusal) {
        return switch (refusal) {
            case CONNECTION_LIMIT -> ReasonCode.QUOTA_EXCEEDED;
            case SHUTTING_DOWN -> ReasonCode.SERVER_UNAVAILABLE;
        };
    }

    /** CONNACK code for rejected credentials; 3.x gets 4 (bad user name or password) or 5 (not authorized). */
    static ReasonCode of(AuthenticationResult.Reason reason) {
        return switch (reason) {
            case BAD_USERNAME_OR_PASSWORD -> ReasonCode.BAD_USER_NAME_OR_PASSWORD;
            case NOT_AUTHORIZED -> ReasonCode.NOT_AUTHORIZED;
            case BANNED -> ReasonCode.BANNED;
        };
    }

    /** DISCONNECT code when the core closes a connection. */
    static ReasonCode of(CloseReason reason) {
        return switch (reason) {
            case SESSION_TAKEN_OVER -> ReasonCode.SESSION_TAKEN_OVER;
            case SERVER_SHUTTING_DOWN -> ReasonCode.SERVER_SHUTTING_DOWN;
            case ADMINISTRATIVE_ACTION -> ReasonCode.ADMINISTRATIVE_ACTION;
            case QUOTA_EXCEEDED -> ReasonCode.QUOTA_EXCEEDED;
        };
    }

    /** PUBACK/PUBREC code for a publication's outcome (section 3.4.2.1): 0x10 when nobody was subscribed. */
    static ReasonCode of(PublishOutcome outcome) {
        return switch (outcome) {
            case PublishOutcome.Accepted accepted ->
                accepted.matchedSubscribers() == 0 ? ReasonCode.NO_MATCHING_SUBSCRIBERS : ReasonCode.SUCCESS;
            case PublishOutcome.Refused refused -> publishRefusal(refused.reason());
        };
    }

    private static ReasonCode publishRefusal(Refusal refusal) {
        return switch (refusal) {
            case NOT_AUTHORIZED -> ReasonCode.NOT_AUTHORIZED;
            case QUOTA_EXCEEDED -> ReasonCode.QUOTA_EXCEEDED;
            case TOPIC_NAME_INVALID -> ReasonCode.TOPIC_NAME_INVALID;
            case PACKET_IDENTIFIER_IN_USE -> ReasonCode.PACKET_IDENTIFIER_IN_USE;
            case IMPLEMENTATION_SPECIFIC -> ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR;
            // Codes the PUBACK table does not list.
            case TOPIC_FILTER_INVALID,
                    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED,
                    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED,
                    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED,
                    PACKET_IDENTIFIER_NOT_FOUND -> ReasonCode.UNSPECIFIED_ERROR;
        };
    }

    /** SUBACK code for one filter (section 3.9.3); 3.x encodes every failure as 0x80. */
    static ReasonCode of(SubscribeResult result) {
        return switch (result) {
            case SubscribeResult.Granted granted -> granted(granted.qos());
            case SubscribeResult.Refused refused -> subscribeRefusal(refused.reason());
        };
    }

    static ReasonCode granted(Qos qos) {
        return switch (qos) {
            case AT_MOST_ONCE -> ReasonCode.SUCCESS;
            case AT_LEAST_ONCE -> ReasonCode.GRANTED_QOS_1;
            case EXACTLY_ONCE -> ReasonCode.GRANTED_QOS_2;
        };
    }

    static ReasonCode subscribeRefusal(Refusal refusal) {
        return switch (refusal) {
            case NOT_AUTHORIZED -> ReasonCode.NOT_AUTHORIZED;
            case QUOTA_EXCEEDED -> ReasonCode.QUOTA_EXCEEDED;
            case TOPIC_FILTER_INVALID -> ReasonCode.TOPIC_FILTER_INVALID;
            case SHARED_SUBSCRIPTIONS_NOT_SUPPORTED -> ReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED;
            case WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED -> ReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED;
            case SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED -> ReasonCode.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED;
            case PACKET_IDENTIFIER_IN_USE -> ReasonCode.PACKET_IDENTIFIER_IN_USE;
            case IMPLEMENTATION_SPECIFIC -> ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR;
            // Codes the SUBACK table does not list.
            case TOPIC_NAME_INVALID, PACKET_IDENTIFIER_NOT_FOUND -> ReasonCode.UNSPECIFIED_ERROR;
        };
    }

    /** UNSUBACK code for one filter (section 3.11.3). */
    static ReasonCode of(UnsubscribeResult result) {
        return switch (result) {
            case REMOVED -> ReasonCode.SUCCESS;
            case NO_SUBSCRIPTION_EXISTED -> ReasonCode.NO_SUBSCRIPTION_EXISTED;
        };
    }
}
