package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.PropertyScope.AUTH;
import static dev.tern.mqtt.codec.PropertyScope.CONNACK;
import static dev.tern.mqtt.codec.PropertyScope.CONNECT;
import static dev.tern.mqtt.codec.PropertyScope.DISCONNECT;
import static dev.tern.mqtt.codec.PropertyScope.PUBACK;
import static dev.tern.mqtt.codec.PropertyScope.PUBCOMP;
import static dev.tern.mqtt.codec.PropertyScope.PUBLISH;
import static dev.tern.mqtt.codec.PropertyScope.PUBREC;
import static dev.tern.mqtt.codec.PropertyScope.PUBREL;
import static dev.tern.mqtt.codec.PropertyScope.SUBACK;
import static dev.tern.mqtt.codec.PropertyScope.SUBSCRIBE;
import static dev.tern.mqtt.codec.PropertyScope.UNSUBACK;
import static dev.tern.mqtt.codec.PropertyScope.WILL;

import java.util.EnumSet;
import java.util.Set;

/** MQTT 5.0 properties (spec table 2-4): identifier, wire type, and the packets allowed to carry each. */
public enum PropertyId {
    PAYLOAD_FORMAT_INDICATOR(0x01, Type.BYTE, PUBLISH, WILL),
    MESSAGE_EXPIRY_INTERVAL(0x02, Type.FOUR_BYTE_INTEGER, PUBLISH, WILL),
    CONTENT_TYPE(0x03, Type.UTF8_STRING, PUBLISH, WILL),
    RESPONSE_TOPIC(0x08, Type.UTF8_STRING, PUBLISH, WILL),
    CORRELATION_DATA(0x09, Type.BINARY_DATA, PUBLISH, WILL),
    SUBSCRIPTION_IDENTIFIER(0x0B, Type.VARIABLE_BYTE_INTEGER, PUBLISH, SUBSCRIBE),
    SESSION_EXPIRY_INTERVAL(0x11, Type.FOUR_BYTE_INTEGER, CONNECT, CONNACK, DISCONNECT),
    ASSIGNED_CLIENT_IDENTIFIER(0x12, Type.UTF8_STRING, CONNACK),
    SERVER_KEEP_ALIVE(0x13, Type.TWO_BYTE_INTEGER, CONNACK),
    AUTHENTICATION_METHOD(0x15, Type.UTF8_STRING, CONNECT, CONNACK, AUTH),
    AUTHENTICATION_DATA(0x16, Type.BINARY_DATA, CONNECT, CONNACK, AUTH),
    REQUEST_PROBLEM_INFORMATION(0x17, Type.BYTE, CONNECT),
    WILL_DELAY_INTERVAL(0x18, Type.FOUR_BYTE_INTEGER, WILL),
    REQUEST_RESPONSE_INFORMATION(0x19, Type.BYTE, CONNECT),
    RESPONSE_INFORMATION(0x1A, Type.UTF8_STRING, CONNACK),
    SERVER_REFERENCE(0x1C, Type.UTF8_STRING, CONNACK, DISCONNECT),
    REASON_STRING(0x1F, Type.UTF8_STRING, CONNACK, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, DISCONNECT, AUTH),
    RECEIVE_MAXIMUM(0x21, Type.TWO_BYTE_INTEGER, CONNECT, CONNACK),
    TOPIC_ALIAS_MAXIMUM(0x22, Type.TWO_BYTE_INTEGER, CONNECT, CONNACK),
    TOPIC_ALIAS(0x23, Type.TWO_BYTE_INTEGER, PUBLISH),
    MAXIMUM_QOS(0x24, Type.BYTE, CONNACK),
    RETAIN_AVAILABLE(0x25, Type.BYTE, CONNACK),
    USER_PROPERTY(0x26, Type.UTF8_STRING_PAIR, PropertyScope.values()),
    MAXIMUM_PACKET_SIZE(0x27, Type.FOUR_BYTE_INTEGER, CONNECT, CONNACK),
    WILDCARD_SUBSCRIPTION_AVAILABLE(0x28, Type.BYTE, CONNACK),
    SUBSCRIPTION_IDENTIFIER_AVAILABLE(0x29, Type.BYTE, CONNACK),
    SHARED_SUBSCRIPTION_AVAILABLE(0x2A, Type.BYTE, CONNACK);

    /** Wire encodings of property values (spec section 1.5). */
    public enum Type {
        BYTE,
        TWO_BYTE_INTEGER,
        FOUR_BYTE_INTEGER,
        VARIABLE_BYTE_INTEGER,
        UTF8_STRING,
        BINARY_DATA,
        UTF8_STRING_PAIR;

        boolean isInteger() {
            return this == BYTE
                    || this == TWO_BYTE_INTEGER
                    || this == FOUR_BYTE_INTEGER
                    || this == VARIABLE_BYTE_INTEGER;
        }
    }

    static final int MAX_ID = 0x2A;
    private static final PropertyId[] BY_ID = new PropertyId[MAX_ID + 1];

    static {
        for (PropertyId id : values()) {
            BY_ID[id.id] = id;
        }
    }

    private final int id;
    private final Type type;
    private final Set<PropertyScope> scopes;

    PropertyId(int id, Type type, PropertyScope... scopes) {
        this.id = id;
        this.type = type;
        this.scopes = EnumSet.of(scopes[0], scopes);
    }

    public int id() {
        return id;
    }

    public Type type() {
        return type;
    }

    public boolean isAllowedIn(PropertyScope scope) {
        return scopes.contains(scope);
    }

    /** The property for an identifier, or {@code null} when 5.0 defines none. */
    static PropertyId ofId(int id) {
        return id >= 0 && id <= MAX_ID ? BY_ID[id] : null;
    }
}
