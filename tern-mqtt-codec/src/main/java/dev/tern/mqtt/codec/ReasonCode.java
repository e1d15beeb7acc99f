package dev.tern.mqtt.codec;

import java.util.EnumSet;
import java.util.Set;

/**
 * MQTT 5.0 reason codes (spec section 2.4), each with the packets that may carry it. The value 0x00 has three names in
 * the spec (Success, Normal disconnection, Granted QoS 0); it is {@link #SUCCESS} here.
 */
public enum ReasonCode {
    SUCCESS(0x00, "Success", PacketType.values()),
    GRANTED_QOS_1(0x01, "Granted QoS 1", PacketType.SUBACK),
    GRANTED_QOS_2(0x02, "Granted QoS 2", PacketType.SUBACK),
    DISCONNECT_WITH_WILL_MESSAGE(0x04, "Disconnect with Will Message", PacketType.DISCONNECT),
    NO_MATCHING_SUBSCRIBERS(0x10, "No matching subscribers", PacketType.PUBACK, PacketType.PUBREC),
    NO_SUBSCRIPTION_EXISTED(0x11, "No subscription existed", PacketType.UNSUBACK),
    CONTINUE_AUTHENTICATION(0x18, "Continue authentication", PacketType.AUTH),
    RE_AUTHENTICATE(0x19, "Re-authenticate", PacketType.AUTH),
    UNSPECIFIED_ERROR(0x80, "Unspecified error", ErrorPackets.ALL),
    MALFORMED_PACKET(0x81, "Malformed Packet", PacketType.CONNACK, PacketType.DISCONNECT),
    PROTOCOL_ERROR(0x82, "Protocol Error", PacketType.CONNACK, PacketType.DISCONNECT),
    IMPLEMENTATION_SPECIFIC_ERROR(0x83, "Implementation specific error", ErrorPackets.ALL),
    UNSUPPORTED_PROTOCOL_VERSION(0x84, "Unsupported Protocol Version", PacketType.CONNACK),
    CLIENT_IDENTIFIER_NOT_VALID(0x85, "Client Identifier not valid", PacketType.CONNACK),
    BAD_USER_NAME_OR_PASSWORD(0x86, "Bad User Name or Password", PacketType.CONNACK),
    NOT_AUTHORIZED(0x87, "Not authorized", ErrorPackets.ALL),
    SERVER_UNAVAILABLE(0x88, "Server unavailable", PacketType.CONNACK),
    SERVER_BUSY(0x89, "Server busy", PacketType.CONNACK, PacketType.DISCONNECT),
    BANNED(0x8A, "Banned", PacketType.CONNACK),
    SERVER_SHUTTING_DOWN(0x8B, "Server shutting down", PacketType.DISCONNECT),
    BAD_AUTHENTICATION_METHOD(0x8C, "Bad authentication method", PacketType.CONNACK, PacketType.DISCONNECT),
    KEEP_ALIVE_TIMEOUT(0x8D, "Keep Alive timeout", PacketType.DISCONNECT),
    SESSION_TAKEN_OVER(0x8E, "Session taken over", PacketType.DISCONNECT),
    TOPIC_FILTER_INVALID(0x8F, "Topic Filter invalid", PacketType.SUBACK, PacketType.UNSUBACK, PacketType.DISCONNECT),
    TOPIC_NAME_INVALID(
            0x90,
            "Topic Name invalid",
            PacketType.CONNACK,
            PacketType.PUBACK,
            PacketType.PUBREC,
            PacketType.DISCONNECT),
    PACKET_IDENTIFIER_IN_USE(
            0x91,
            "Packet Identifier in use",
            PacketType.PUBACK,
            PacketType.PUBREC,
            PacketType.SUBACK,
            PacketType.UNSUBACK),
    PACKET_IDENTIFIER_NOT_FOUND(0x92, "Packet Identifier not found", PacketType.PUBREL, PacketType.PUBCOMP),
    RECEIVE_MAXIMUM_EXCEEDED(0x93, "Receive Maximum exceeded", PacketType.DISCONNECT),
    TOPIC_ALIAS_INVALID(0x94, "Topic Alias invalid", PacketType.DISCONNECT),
    PACKET_TOO_LARGE(0x95, "Packet too large", PacketType.CONNACK, PacketType.DISCONNECT),
    MESSAGE_RATE_TOO_HIGH(0x96, "Message rate too high", PacketType.DISCONNECT),
    QUOTA_EXCEEDED(
            0x97,
            "Quota exceeded",
            PacketType.CONNACK,
            PacketType.PUBACK,
            PacketType.PUBREC,
            PacketType.SUBACK,
            PacketType.DISCONNECT),
    ADMINISTRATIVE_ACTION(0x98, "Administrative action", PacketType.DISCONNECT),
    PAYLOAD_FORMAT_INVALID(
            0x99,
            "Payload format invalid",
            PacketType.CONNACK,
            PacketType.PUBACK,
            PacketType.PUBREC,
            PacketType.DISCONNECT),
    RETAIN_NOT_SUPPORTED(0x9A, "Retain not supported", PacketType.CONNACK, PacketType.DISCONNECT),
    QOS_NOT_SUPPORTED(0x9B, "QoS not supported", PacketType.CONNACK, PacketType.DISCONNECT),
    USE_ANOTHER_SERVER(0x9C, "Use another server", PacketType.CONNACK, PacketType.DISCONNECT),
    SERVER_MOVED(0x9D, "Server moved", PacketType.CONNACK, PacketType.DISCONNECT),
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED(
            0x9E, "Shared Subscriptions not supported", PacketType.SUBACK, PacketType.DISCONNECT),
    CONNECTION_RATE_EXCEEDED(0x9F, "Connection rate exceeded", PacketType.CONNACK, PacketType.DISCONNECT),
    MAXIMUM_CONNECT_TIME(0xA0, "Maximum connect time", PacketType.DISCONNECT),
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED(
            0xA1, "Subscription Identifiers not supported", PacketType.SUBACK, PacketType.DISCONNECT),
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED(
            0xA2, "Wildcard Subscriptions not supported", PacketType.SUBACK, PacketType.DISCONNECT);

    /**
     * Reason codes 0x80, 0x83 and 0x87 may appear on every acknowledgement that can carry an error. A nested holder,
     * because an enum's own static fields are not yet initialised while its constants are constructed.
     */
    private static final class ErrorPackets {
        static final PacketType[] ALL = {
            PacketType.CONNACK,
            PacketType.PUBACK,
            PacketType.PUBREC,
            PacketType.SUBACK,
            PacketType.UNSUBACK,
            PacketType.DISCONNECT
        };
    }

    private static final ReasonCode[] BY_VALUE = new ReasonCode[256];

    static {
        for (ReasonCode code : values()) {
            BY_VALUE[code.value] = code;
        }
    }

    private final int value;
    private final String description;
    private final Set<PacketType> allowedIn;

    ReasonCode(int value, String description, PacketType... allowedIn) {
        this.value = value;
        this.description = description;
        this.allowedIn = EnumSet.of(allowedIn[0], allowedIn);
    }

    public int value() {
        return value;
    }

    /** The spec's name for this code, for logs and reason strings. */
    public String description() {
        return description;
    }

    public boolean isError() {
        return value >= 0x80;
    }

    /** Whether the spec's reason code table for {@code type} lists this code (sections 3.2.2.2, 3.4.2.1, ...). */
    public boolean isAllowedIn(PacketType type) {
        return allowedIn.contains(type);
    }

    /** The code for a byte value, or {@code null} when 5.0 defines none (callers turn that into a decode error). */
    static ReasonCode ofValue(int value) {
        return BY_VALUE[value & 0xFF];
    }

    /** Looks a code up for callers outside the decoder; rejects values the spec does not define. */
    public static ReasonCode of(int value) {
        ReasonCode code = value >= 0 && value < 256 ? BY_VALUE[value] : null;
        if (code == null) {
            throw new IllegalArgumentException("No MQTT 5 reason code 0x" + Integer.toHexString(value));
        }
        return code;
    }

    @Override
    public String toString() {
        return String.format("0x%02X %s", value, description);
    }
}
