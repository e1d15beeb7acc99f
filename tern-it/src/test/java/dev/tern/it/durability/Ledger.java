package dev.tern.it.durability;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * What the publishers of a crash test sent, and what the broker acknowledged: the reference the subscribers' receipts
 * are checked against. Only a publication whose future completed successfully counts as acknowledged (PUBACK for QoS
 * 1, PUBCOMP after PUBREC for QoS 2): that is the broker's promise the test holds it to. Thread-safe: the publishers'
 * futures complete on the clients' threads.
 */
final class Ledger {
    enum Outcome {
        /** Sent; its future has not completed yet. */
        IN_FLIGHT,
        /** The broker acknowledged it: it must reach every subscriber. */
        ACKNOWLEDGED,
        /** Its future failed (the connection died under it, the session ended): it may or may not arrive. */
        NOT_ACKNOWLEDGED
    }

    /** One publication: its message, its QoS, the cycle it was sent in, and how it ended. */
    record Sent(MessageId id, MqttQos qos, int cycle, Outcome outcome) {}

    private final Map<MessageId, Sent> sent = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new TreeMap<>();
    private long acknowledged;
    private long awaitedCount = Long.MAX_VALUE;
    private CompletableFuture<Void> awaited;

    synchronized void published(MessageId id, MqttQos qos, int cycle) {
        sent.put(id, new Sent(id, qos, cycle, Outcome.IN_FLIGHT));
    }

    synchronized void acknowledged(MessageId id) {
        settle(id, Outcome.ACKNOWLEDGED);
        acknowledged++;
        if (acknowledged >= awaitedCount) {
            awaited.complete(null);
            awaitedCount = Long.MAX_VALUE;
        }
    }

    synchronized void notAcknowledged(MessageId id, Throwable why) {
        settle(id, Outcome.NOT_ACKNOWLEDGED);
        Throwable cause = why.getCause() != null && why.getCause() != why ? why.getCause() : why;
        failures.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
    }

    private void settle(MessageId id, Outcome outcome) {
        Sent before = sent.get(id);
        if (before == null || before.outcome() != Outcome.IN_FLIGHT) {
            throw new IllegalStateException(id + " settled twice or never sent: " + before);
        }
        sent.put(id, new Sent(id, before.qos(), before.cycle(), outcome));
    }

    synchronized long acknowledgedCount() {
        return acknowledged;
    }

    /**
     * Completes once {@code count} publications in all have been acknowledged: a crash test kills the broker at that
     * moment, which lands wherever the traffic happens to be (a random count makes it a random moment).
     */
    synchronized CompletableFuture<Void> whenAcknowledged(long count) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (acknowledged >= count) {
            future.complete(null);
        } else {
            awaited = future;
            awaitedCount = count;
        }
        return future;
    }

    synchronized List<Sent> all() {
        return new ArrayList<>(sent.values());
    }

    /** Why publications were not acknowledged, by exception type, for the log. */
    synchronized Map<String, Integer> failures() {
        return new TreeMap<>(failures);
    }
}
