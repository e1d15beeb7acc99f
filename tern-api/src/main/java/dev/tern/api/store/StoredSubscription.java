package dev.tern.api.store;

import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.topic.TopicFilter;
import java.util.Objects;

public record StoredSubscription(TopicFilter filter, SubscriptionOptions options) {
    public StoredSubscription {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(options, "options");
    }
}
