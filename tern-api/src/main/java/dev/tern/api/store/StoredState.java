package dev.tern.api.store;

import dev.tern.api.message.Message;
import java.util.List;

/**
 * Everything a store holds, as read at start.
 *
 * @param sessions persistent sessions, each with its deliveries in sequence order
 * @param retained retained messages, one per topic
 * @param lastMessageId the highest message identity ever stored: the core continues above it
 */
public record StoredState(List<StoredSession> sessions, List<Message> retained, long lastMessageId) {
    public static final StoredState EMPTY = new StoredState(List.of(), List.of(), 0);

    public StoredState {
        sessions = List.copyOf(sessions);
        retained = List.copyOf(retained);
    }
}
