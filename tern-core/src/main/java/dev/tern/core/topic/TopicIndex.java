package dev.tern.core.topic;

import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trie of topic-filter levels. Reads (matching, on every publish, from any event loop) take no lock: children live in
 * concurrent maps and each node's subscriber list is copy-on-write. Writes (subscribe/unsubscribe, far rarer) are
 * serialised by one lock, which keeps the copy-on-write updates simple and never blocks a reader.
 *
 * @param <S> the subscriber (a session in the core); compared by identity
 */
public final class TopicIndex<S> {
    private final Node<S> root = new Node<>();
    private final Object writeLock = new Object();
    private final AtomicInteger size = new AtomicInteger();

    /** One subscription of one subscriber. */
    public record Entry<S>(S subscriber, TopicFilter filter, SubscriptionOptions options) {}

    /** Adds or replaces {@code subscriber}'s subscription to {@code filter}; true when it replaced one. */
    public boolean add(S subscriber, TopicFilter filter, SubscriptionOptions options) {
        Entry<S> entry = new Entry<>(subscriber, filter, options);
        synchronized (writeLock) {
            Node<S> node = nodeFor(filter.filter(), true);
            boolean replaced = filter.shareGroup()
                    .map(group -> node.shared
                            .computeIfAbsent(group, g -> new SharedGroup<>())
                            .put(entry))
                    .orElseGet(() -> node.put(entry));
            if (!replaced) {
                size.incrementAndGet();
            }
            return replaced;
        }
    }

    /** Removes {@code subscriber}'s subscription to {@code filter}; false when there was none. */
    public boolean remove(S subscriber, TopicFilter filter) {
        synchronized (writeLock) {
            Node<S> node = nodeFor(filter.filter(), false);
            if (node == null) {
                return false;
            }
            boolean removed = filter.shareGroup()
                    .map(group -> {
                        SharedGroup<S> shared = node.shared.get(group);
                        boolean gone = shared != null && shared.remove(subscriber);
                        if (shared != null && shared.isEmpty()) {
                            node.shared.remove(group);
                        }
                        return gone;
                    })
                    .orElseGet(() -> node.remove(subscriber));
            if (removed) {
                size.decrementAndGet();
            }
            return removed;
        }
    }

    /** Number of subscriptions held. */
    public int size() {
        return size.get();
    }

    /**
     * Every non-shared subscription matching {@code topic}, plus one chosen member of each matching shared group
     * ({@code pick} chooses among a group's members, e.g. round robin preferring connected ones).
     */
    public List<Entry<S>> match(TopicName topic, SharedPicker<S> pick) {
        List<Entry<S>> out = new ArrayList<>();
        String name = topic.value();
        // [MQTT-4.7.2-1] wildcards at the first level do not match topics starting with '$'.
        collect(root, name, 0, !topic.isSystem(), out, pick);
        return out;
    }

    /** Chooses one member of a shared group for one message. */
    @FunctionalInterface
    public interface SharedPicker<S> {
        Entry<S> pick(List<Entry<S>> members, AtomicInteger cursor);
    }

    private void collect(
            Node<S> node, String name, int from, boolean wildcardsAllowed, List<Entry<S>> out, SharedPicker<S> pick) {
        if (wildcardsAllowed) {
            Node<S> hash = node.children.get("#");
            if (hash != null) {
                hash.addTo(out, pick); // '#' matches this level and everything below, including the parent
            }
        }
        int end = name.indexOf('/', from);
        String level = end < 0 ? name.substring(from) : name.substring(from, end);
        Node<S> exact = node.children.get(level);
        Node<S> plus = wildcardsAllowed ? node.children.get("+") : null;
        if (end < 0) {
            if (exact != null) {
                exact.addTo(out, pick);
                addParentHash(exact, out, pick);
            }
            if (plus != null) {
                plus.addTo(out, pick);
                addParentHash(plus, out, pick);
            }
            return;
        }
        if (exact != null) {
            collect(exact, name, end + 1, true, out, pick);
        }
        if (plus != null) {
            collect(plus, name, end + 1, true, out, pick);
        }
    }

    /** "a/#" matches "a" [MQTT-4.7.1-1 example "sport/#" matches "sport"]. */
    private void addParentHash(Node<S> node, List<Entry<S>> out, SharedPicker<S> pick) {
        Node<S> hash = node.children.get("#");
        if (hash != null) {
            hash.addTo(out, pick);
        }
    }

    private Node<S> nodeFor(String filter, boolean create) {
        Node<S> node = root;
        int from = 0;
        while (true) {
            int end = filter.indexOf('/', from);
            String level = end < 0 ? filter.substring(from) : filter.substring(from, end);
            Node<S> child = node.children.get(level);
            if (child == null) {
                if (!create) {
                    return null;
                }
                child = new Node<>();
                node.children.put(level, child);
            }
            node = child;
            if (end < 0) {
                return node;
            }
            from = end + 1;
        }
    }

    /** A level of the trie. Empty nodes are kept: subscription churn on the same filters is the common pattern. */
    private static final class Node<S> {
        final ConcurrentHashMap<String, Node<S>> children = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, SharedGroup<S>> shared = new ConcurrentHashMap<>();
        volatile List<Entry<S>> entries = List.of();

        void addTo(List<Entry<S>> out, SharedPicker<S> pick) {
            out.addAll(entries);
            if (!shared.isEmpty()) {
                for (SharedGroup<S> group : shared.values()) {
                    List<Entry<S>> members = group.members;
                    if (!members.isEmpty()) {
                        Entry<S> chosen = pick.pick(members, group.cursor);
                        if (chosen != null) {
                            out.add(chosen);
                        }
                    }
                }
            }
        }

        boolean put(Entry<S> entry) {
            List<Entry<S>> next = new ArrayList<>(entries.size() + 1);
            boolean replaced = false;
            for (Entry<S> existing : entries) {
                if (existing.subscriber() == entry.subscriber()) {
                    next.add(entry);
                    replaced = true;
                } else {
                    next.add(existing);
                }
            }
            if (!replaced) {
                next.add(entry);
            }
            entries = List.copyOf(next);
            return replaced;
        }

        boolean remove(S subscriber) {
            List<Entry<S>> next = new ArrayList<>(entries);
            boolean removed = next.removeIf(e -> e.subscriber() == subscriber);
            if (removed) {
                entries = List.copyOf(next);
            }
            return removed;
        }
    }

    /** Members of one shared subscription group under one filter, with its round-robin cursor. */
    private static final class SharedGroup<S> {
        volatile List<Entry<S>> members = List.of();
        final AtomicInteger cursor = new AtomicInteger();

        boolean put(Entry<S> entry) {
            List<Entry<S>> next = new ArrayList<>(members);
            boolean replaced = next.removeIf(e -> e.subscriber() == entry.subscriber());
            next.add(entry);
            members = List.copyOf(next);
            return replaced;
        }

        boolean remove(S subscriber) {
            List<Entry<S>> next = new ArrayList<>(members);
            boolean removed = next.removeIf(e -> e.subscriber() == subscriber);
            members = List.copyOf(next);
            return removed;
        }

        boolean isEmpty() {
            return members.isEmpty();
        }
    }
}
