package dev.tern.api.store;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A session as read back at start. */
public record StoredSession(
        SessionRecord session,
        List<StoredSubscription> subscriptions,
        List<StoredDelivery> deliveries,
        Set<Integer> exactlyOnceHeld) {
    public StoredSession {
        Objects.requireNonNull(session, "session");
        subscriptions = List.copyOf(subscriptions);
        deliveries = List.copyOf(deliveries);
        exactlyOnceHeld = Set.copyOf(exactlyOnceHeld);
    }
}
