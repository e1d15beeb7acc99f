package dev.tern.mqtt.codec;

/** The protocol versions Tern speaks, with the protocol name and level they announce in CONNECT. */
public enum MqttVersion {
    /** MQTT 3.1 (IBM): protocol name {@code MQIsdp}, level 3. */
    V3_1("MQIsdp", 3),
    /** MQTT 3.1.1 (OASIS): protocol name {@code MQTT}, level 4. */
    V3_1_1("MQTT", 4),
    /** MQTT 5.0 (OASIS): protocol name {@code MQTT}, level 5. */
    V5("MQTT", 5);

    private final String protocolName;
    private final int level;

    MqttVersion(String protocolName, int level) {
        this.protocolName = protocolName;
        this.level = level;
    }

    public String protocolName() {
        return protocolName;
    }

    public int level() {
        return level;
    }

    /** True for 5.0, the only version with properties, reason codes on acks and the AUTH packet. */
    public boolean isV5() {
        return this == V5;
    }
}
