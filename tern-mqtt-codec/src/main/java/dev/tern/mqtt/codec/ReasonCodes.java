package dev.tern.mqtt.codec;

/** Reads a reason code byte and checks it against the packet's table of allowed codes. */
final class ReasonCodes {
    private ReasonCodes() {}

    static ReasonCode read(int value, PacketType type) {
        ReasonCode code = ReasonCode.ofValue(value);
        if (code == null || !code.isAllowedIn(type)) {
            throw MalformedPacketException.protocolError(
                    "2.4", String.format("reason code 0x%02X is not defined for %s", value, type));
        }
        return code;
    }
}
