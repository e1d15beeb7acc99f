package dev.tern.mqtt.codec;

/** Where a property block sits: one per packet type that has properties, plus the will's own block in CONNECT. */
public enum PropertyScope {
    CONNECT,
    WILL,
    CONNACK,
    PUBLISH,
    PUBACK,
    PUBREC,
    PUBREL,
    PUBCOMP,
    SUBSCRIBE,
    SUBACK,
    UNSUBSCRIBE,
    UNSUBACK,
    DISCONNECT,
    AUTH
}
