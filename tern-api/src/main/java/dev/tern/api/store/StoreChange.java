package dev.tern.api.store;

import dev.tern.api.message.Message;
import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.util.Objects;

/** One delta of the journal. Sessions are keyed by client identifier, deliveries by the session's sequence number. */
public sealed interface StoreChange {

    /** Creates or replaces a session's row (expiry, will, identity, when it went offline). */
    record SessionSaved(SessionRecord session) implements StoreChange {
        public SessionSaved {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Removes a session with everything under it: subscriptions, deliveries, inbound QoS 2 state. */
    record SessionRemoved(String clientId) implements StoreChange {
        public SessionRemoved {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** Creates or replaces the subscription of {@code clientId} to {@code filter}. */
    record SubscriptionSaved(String clientId, TopicFilter filter, SubscriptionOptions options) implements StoreChange {
        public SubscriptionSaved {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(options, "options");
        }
    }

    record SubscriptionRemoved(String clientId, TopicFilter filter) implements StoreChange {
        public SubscriptionRemoved {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * A QoS 1/2 delivery queued for {@code clientId}. The message is stored once per {@code messageId}, however many
     * sessions' deliveries reference it, and removed with the last {@link DeliveryRemoved} that references it.
     */
    record DeliveryQueued(String clientId, StoredDelivery delivery) implements StoreChange {
        public DeliveryQueued {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /** The client received a QoS 2 delivery (PUBREC): from now on only its PUBREL is resent, never the message. */
    record DeliveryReleased(String clientId, long seq) implements StoreChange {
        public DeliveryReleased {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** A delivery is finished (acknowledged, completed, expired or dropped). */
    record DeliveryRemoved(String clientId, long seq, long messageId) implements StoreChange {
        public DeliveryRemoved {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** An inbound QoS 2 message was accepted under {@code packetId}; a resend of it must not be published again. */
    record ExactlyOnceHeld(String clientId, int packetId) implements StoreChange {
        public ExactlyOnceHeld {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** PUBREL released an inbound QoS 2 identifier. */
    record ExactlyOnceReleased(String clientId, int packetId) implements StoreChange {
        public ExactlyOnceReleased {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** The retained message of its topic (replacing any). */
    record RetainedSaved(Message message) implements StoreChange {
        public RetainedSaved {
            Objects.requireNonNull(message, "message");
        }
    }

    record RetainedRemoved(TopicName topic) implements StoreChange {
        public RetainedRemoved {
            Objects.requireNonNull(topic, "topic");
        }
    }
}
