package dev.tern.core.retained;

import dev.tern.api.message.Message;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Retained messages in memory, one per topic. A lookup by filter scans all of them: simple and correct, and cheap up to
 * tens of thousands of retained topics; a trie index is the measured next step when that stops being true.
 */
public final class RetainedMessages {
    private final ConcurrentHashMap<TopicName, Message> byTopic = new ConcurrentHashMap<>();

    /**
     * Stores {@code message} as its topic's retained message, or deletes the topic's retained message when the payload
     * is empty [MQTT-3.3.1-6] [MQTT-3.3.1-7].
     */
    public void retain(Message message) {
        if (message.payload().isEmpty()) {
            byTopic.remove(message.topic());
        } else {
            byTopic.put(message.topic(), message);
        }
    }

    /** Retained messages matching {@code filter} that have not expired at {@code nowMillis}; expired ones are removed. */
    public List<Message> matching(TopicFilter filter, long nowMillis) {
        List<Message> out = new ArrayList<>();
        for (Message message : byTopic.values()) {
            if (message.isExpiredAt(nowMillis)) {
                byTopic.remove(message.topic(), message);
            } else if (filter.matches(message.topic())) {
                out.add(message);
            }
        }
        return out;
    }

    public int size() {
        return byTopic.size();
    }
}
