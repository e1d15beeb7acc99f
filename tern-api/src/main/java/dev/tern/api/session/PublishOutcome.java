package dev.tern.api.session;

import java.util.Objects;

/** What became of a publication. */
public sealed interface PublishOutcome {
    /** Accepted and routed; {@code matchedSubscribers} may be 0 (MQTT 5 answers 0x10 then). */
    record Accepted(int matchedSubscribers) implements PublishOutcome {}

    /** Refused; nothing was routed or retained. */
    record Refused(Refusal reason) implements PublishOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
