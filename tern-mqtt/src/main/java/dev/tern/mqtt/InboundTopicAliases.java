package dev.tern.mqtt;

import dev.tern.api.broker.Traffic;
import dev.tern.mqtt.codec.ReasonCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/** Topic aliases a client sets towards us (section 3.3.2.3.4), up to the Topic Alias Maximum we advertised. */
final class InboundTopicAliases {
    private final int maximum;
    private final Traffic traffic;
    private final Map<Integer, String> topics = new HashMap<>();

    InboundTopicAliases(int maximum, Traffic traffic) {
        this.maximum = maximum;
        this.traffic = traffic;
    }

    /** What a PUBLISH's topic and alias come to. */
    sealed interface Resolution {}

    record Resolved(String topic) implements Resolution {
        Resolved {
            Objects.requireNonNull(topic, "topic");
        }
    }

    record Rejected(Violation violation) implements Resolution {
        Rejected {
            Objects.requireNonNull(violation, "violation");
        }
    }

    /** The topic of a PUBLISH: its Topic Name, which sets the alias if one is given, or the alias's topic. */
    Resolution resolve(String topic, OptionalInt alias) {
        if (alias.isEmpty()) {
            return new Resolved(topic);
        }
        int value = alias.getAsInt();
        if (value == 0 || value > maximum) {
            // [MQTT-3.3.2-8] an alias is never 0; [MQTT-3.3.2-9] nor above our Topic Alias Maximum: 0x94. Only the
            // latter crosses the limit.
            if (value > maximum) {
                traffic.limitExceeded(Traffic.Limit.TOPIC_ALIAS);
            }
            return new Rejected(new Violation(
                    ReasonCode.TOPIC_ALIAS_INVALID,
                    value == 0 ? "MQTT-3.3.2-8" : "MQTT-3.3.2-9",
                    "topic alias " + value + " outside 1.." + maximum));
        }
        if (!topic.isEmpty()) {
            // [MQTT-3.3.2-12] the server accepts every alias in 1..maximum, and a new topic replaces the old one.
            topics.put(value, topic);
            return new Resolved(topic);
        }
        String known = topics.get(value);
        if (known == null) {
            // 3.3.2.3.4: an empty Topic Name with an alias the receiver has no mapping for is a Protocol Error.
            return new Rejected(
                    new Violation(ReasonCode.PROTOCOL_ERROR, "3.3.2.3.4", "topic alias " + value + " is not set"));
        }
        return new Resolved(known);
    }
}
