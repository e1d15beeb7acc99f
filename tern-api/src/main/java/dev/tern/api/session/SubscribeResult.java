package dev.tern.api.session;

import dev.tern.api.message.Qos;
import java.util.Objects;

/** The answer to one filter of a subscribe request. */
public sealed interface SubscribeResult {
    /** Subscribed; messages arrive at no more than {@code qos}. */
    record Granted(Qos qos) implements SubscribeResult {
        public Granted {
            Objects.requireNonNull(qos, "qos");
        }
    }

    /** Not subscribed. */
    record Refused(Refusal reason) implements SubscribeResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
