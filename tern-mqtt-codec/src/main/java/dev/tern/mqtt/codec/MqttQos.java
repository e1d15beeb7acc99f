package dev.tern.mqtt.codec;

/** Quality of service as it appears on the wire (two bits). */
public enum MqttQos {
    AT_MOST_ONCE,
    AT_LEAST_ONCE,
    EXACTLY_ONCE;

    private static final MqttQos[] BY_VALUE = values();

    public int value() {
        return ordinal();
    }

    /** The QoS for a wire value 0..2; callers have already rejected 3 with the rule that applies to their field. */
    public static MqttQos of(int value) {
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + value);
        }
        return BY_VALUE[value];
    }
}
