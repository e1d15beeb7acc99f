package dev.tern.core.session;

import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import java.util.List;

/** A message routed to one session, before the session gives it a packet identifier. */
record Deliverable(Message message, Qos qos, boolean retain, List<Integer> subscriptionIdentifiers) {
    long size() {
        return message.payload().size();
    }
}
