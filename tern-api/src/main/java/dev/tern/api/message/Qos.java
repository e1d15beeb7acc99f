package dev.tern.api.message;

/** Delivery guarantee: at most once, at least once, exactly once. */
public enum Qos {
    AT_MOST_ONCE,
    AT_LEAST_ONCE,
    EXACTLY_ONCE;

    private static final Qos[] BY_LEVEL = values();

    /** 0, 1 or 2, as MQTT numbers them. */
    public int level() {
        return ordinal();
    }

    public static Qos ofLevel(int level) {
        if (level < 0 || level > 2) {
            throw new IllegalArgumentException("QoS level must be 0, 1 or 2, was " + level);
        }
        return BY_LEVEL[level];
    }

    /** The lower of the two: a message is delivered at the smaller of its QoS and the subscription's maximum. */
    public Qos min(Qos other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
