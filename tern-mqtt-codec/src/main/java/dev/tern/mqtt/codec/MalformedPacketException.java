package dev.tern.mqtt.codec;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A packet that breaks the spec. Carries what the connection owner needs to answer it: the MQTT 5 reason code (sent in
 * CONNACK before the connection is accepted, in DISCONNECT after), the MQTT 3.x CONNACK return code when 3.x answers
 * this failure with a CONNACK at all (otherwise 3.x just closes the connection), and the spec statement broken.
 *
 * <p>Stack traces are not filled: a decode failure is an expected outcome of hostile input, and a flood of them must
 * not cost a stack walk each.
 */
public final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ReasonCode reasonCode;
    private final int v3ReturnCode;
    private final String rule;

    private MalformedPacketException(ReasonCode reasonCode, int v3ReturnCode, String rule, String message) {
        super(message, null, false, false);
        this.reasonCode = Objects.requireNonNull(reasonCode);
        this.v3ReturnCode = v3ReturnCode;
        this.rule = Objects.requireNonNull(rule);
    }

    /** A Malformed Packet (0x81): the bytes cannot be parsed as the spec says. */
    public static MalformedPacketException malformed(String rule, String message) {
        return new MalformedPacketException(ReasonCode.MALFORMED_PACKET, -1, rule, message);
    }

    /** A Protocol Error (0x82): the bytes parse, but the packet is not allowed as it stands. */
    public static MalformedPacketException protocolError(String rule, String message) {
        return new MalformedPacketException(ReasonCode.PROTOCOL_ERROR, -1, rule, message);
    }

    /** Another reason code, with no 3.x CONNACK (3.x closes the connection). */
    public static MalformedPacketException withReason(ReasonCode reasonCode, String rule, String message) {
        return new MalformedPacketException(reasonCode, -1, rule, message);
    }

    /** A CONNECT refusal that 3.x answers with a CONNACK carrying {@code v3ReturnCode}. */
    public static MalformedPacketException connectRefused(
            ReasonCode reasonCode, ConnectReturnCode v3ReturnCode, String rule, String message) {
        return new MalformedPacketException(reasonCode, v3ReturnCode.value(), rule, message);
    }

    /** The MQTT 5 reason code for CONNACK (before the connection is accepted) or DISCONNECT (after). */
    public ReasonCode reasonCode() {
        return reasonCode;
    }

    /** The MQTT 3.x CONNACK return code, when 3.x answers this failure with a CONNACK; empty means just close. */
    public OptionalInt v3ConnackReturnCode() {
        return v3ReturnCode < 0 ? OptionalInt.empty() : OptionalInt.of(v3ReturnCode);
    }

    /** The normative statement broken, such as {@code MQTT-3.3.1-4}, or a section such as {@code 2.2.2.2}. */
    public String rule() {
        return rule;
    }

    @Override
    public String toString() {
        return "MalformedPacketException[" + reasonCode + ", " + rule + "]: " + getMessage();
    }
}
