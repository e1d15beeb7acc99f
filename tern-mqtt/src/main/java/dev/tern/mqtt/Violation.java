package dev.tern.mqtt;

import dev.tern.mqtt.codec.ReasonCode;
import java.util.Objects;

/**
 * A client broke a rule after it was connected: MQTT 5 answers with DISCONNECT carrying {@code code}, 3.x just closes
 * the connection, and the will is published.
 *
 * @param rule the normative statement or section broken, such as {@code MQTT-3.3.2-9}
 */
record Violation(ReasonCode code, String rule, String detail) {
    Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    /** For the log: code, rule and detail on one line. */
    String describe() {
        return "protocol error " + code + " [" + rule + "]: " + detail;
    }
}
