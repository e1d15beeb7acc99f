package dev.tern.mqtt.codec;

/** MQTT 3.1 / 3.1.1 CONNACK return codes (3.1.1 section 3.2.2.3). */
public enum ConnectReturnCode {
    ACCEPTED(0),
    UNACCEPTABLE_PROTOCOL_VERSION(1),
    IDENTIFIER_REJECTED(2),
    SERVER_UNAVAILABLE(3),
    BAD_USER_NAME_OR_PASSWORD(4),
    NOT_AUTHORIZED(5);

    private final int value;

    ConnectReturnCode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The MQTT 5 reason code with the same meaning. */
    public ReasonCode toReasonCode() {
        return switch (this) {
            case ACCEPTED -> ReasonCode.SUCCESS;
            case UNACCEPTABLE_PROTOCOL_VERSION -> ReasonCode.UNSUPPORTED_PROTOCOL_VERSION;
            case IDENTIFIER_REJECTED -> ReasonCode.CLIENT_IDENTIFIER_NOT_VALID;
            case SERVER_UNAVAILABLE -> ReasonCode.SERVER_UNAVAILABLE;
            case BAD_USER_NAME_OR_PASSWORD -> ReasonCode.BAD_USER_NAME_OR_PASSWORD;
            case NOT_AUTHORIZED -> ReasonCode.NOT_AUTHORIZED;
        };
    }

    /**
     * The nearest 3.x return code for a 5.0 CONNACK reason code: 3.x has six, so refusals it cannot name become "server
     * unavailable" (transient conditions) or "not authorized" (everything else), as Mosquitto answers 3.x clients.
     */
    public static ConnectReturnCode of(ReasonCode reasonCode) {
        return switch (reasonCode) {
            case SUCCESS -> ACCEPTED;
            case UNSUPPORTED_PROTOCOL_VERSION -> UNACCEPTABLE_PROTOCOL_VERSION;
            case CLIENT_IDENTIFIER_NOT_VALID -> IDENTIFIER_REJECTED;
            case SERVER_UNAVAILABLE,
                    SERVER_BUSY,
                    SERVER_MOVED,
                    USE_ANOTHER_SERVER,
                    CONNECTION_RATE_EXCEEDED,
                    QUOTA_EXCEEDED -> SERVER_UNAVAILABLE;
            case BAD_USER_NAME_OR_PASSWORD, BAD_AUTHENTICATION_METHOD -> BAD_USER_NAME_OR_PASSWORD;
            default -> NOT_AUTHORIZED;
        };
    }

    /** The code for a wire value, or {@code null} for the reserved values 6..255. */
    static ConnectReturnCode ofValue(int value) {
        return value >= 0 && value <= 5 ? values()[value] : null;
    }
}
