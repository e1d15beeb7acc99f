package dev.tern.mqtt.codec;

/** The fourteen (fifteen in 5.0) control packet types, with the fixed-header flags each one requires. */
public enum PacketType {
    CONNECT(1, 0),
    CONNACK(2, 0),
    /** PUBLISH flags carry DUP, QoS and RETAIN, so they have no fixed value. */
    PUBLISH(3, -1),
    PUBACK(4, 0),
    PUBREC(5, 0),
    /** [MQTT-3.6.1-1] bits 3,2,1,0 of PUBREL MUST be 0,0,1,0. */
    PUBREL(6, 2),
    PUBCOMP(7, 0),
    /** [MQTT-3.8.1-1] bits 3,2,1,0 of SUBSCRIBE MUST be 0,0,1,0. */
    SUBSCRIBE(8, 2),
    SUBACK(9, 0),
    /** [MQTT-3.10.1-1] bits 3,2,1,0 of UNSUBSCRIBE MUST be 0,0,1,0. */
    UNSUBSCRIBE(10, 2),
    UNSUBACK(11, 0),
    PINGREQ(12, 0),
    PINGRESP(13, 0),
    DISCONNECT(14, 0),
    /** MQTT 5.0 only; type 15 is reserved in 3.x. */
    AUTH(15, 0);

    private static final PacketType[] BY_CODE = new PacketType[16];

    static {
        for (PacketType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final int requiredFlags;

    PacketType(int code, int requiredFlags) {
        this.code = code;
        this.requiredFlags = requiredFlags;
    }

    public int code() {
        return code;
    }

    /** The fixed-header flags this type requires, or -1 when the flags carry data (PUBLISH). */
    public int requiredFlags() {
        return requiredFlags;
    }

    /** The type for a 4-bit code, or {@code null} for the reserved code 0 (the caller turns that into an error). */
    static PacketType ofCode(int code) {
        return BY_CODE[code & 0x0F];
    }
}
