package dev.tern.api.session;

import dev.tern.api.topic.TopicFilter;
import java.util.Objects;

/** One filter of a subscribe request with its options. */
public record Subscribe(TopicFilter filter, SubscriptionOptions options) {
    public Subscribe {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(options, "options");
    }
}
