package dev.tern.mqtt;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Topic aliases we assign towards a client that accepts them (its Topic Alias Maximum), first come, first served:
 * the first {@code maximum} distinct topics delivered get aliases 1..maximum for the life of the connection; later
 * topics go out in full. No eviction, so an alias never changes meaning and no topic is ever sent twice in full.
 * [MQTT-3.3.2-11] no alias exceeds the client's maximum.
 */
final class OutboundTopicAliases {
    private final int maximum;
    private final Map<String, Integer> aliases = new HashMap<>();

    OutboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    /** The alias {@code topic} already has. */
    OptionalInt existing(String topic) {
        Integer alias = aliases.get(topic);
        return alias == null ? OptionalInt.empty() : OptionalInt.of(alias);
    }

    /** The alias the next new topic would get, while any are left. */
    OptionalInt next() {
        return aliases.size() < maximum ? OptionalInt.of(aliases.size() + 1) : OptionalInt.empty();
    }

    /** Records {@code alias} (from {@link #next}) once a PUBLISH carrying topic and alias has been sent. */
    void assign(String topic, int alias) {
        aliases.put(topic, alias);
    }
}
