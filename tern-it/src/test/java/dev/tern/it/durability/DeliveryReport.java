package dev.tern.it.durability;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import dev.tern.it.durability.Ledger.Outcome;
import dev.tern.it.durability.Ledger.Sent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The receipts of each subscriber held against the ledger: what was lost (acknowledged, never received), what came
 * twice, what came out of order; counted per cycle (the cycle a message was published in) and in total, printed as a
 * table, and the problems listed for the assertion message.
 */
final class DeliveryReport {
    private static final int SHOWN = 25;

    /** What one subscriber got. */
    record Received(
            String subscriber,
            Map<MessageId, Integer> counts,
            List<MessageId> lost,
            List<MessageId> exactlyOnceDuplicates,
            int atLeastOnceDuplicates,
            List<String> outOfOrder,
            List<MessageId> neverPublished) {}

    private final List<Sent> sent;
    private final Map<MessageId, Sent> byId;
    private final List<Received> received = new ArrayList<>();

    DeliveryReport(Ledger ledger) {
        this.sent = ledger.all();
        this.byId = sent.stream().collect(Collectors.toMap(Sent::id, Function.identity()));
    }

    /** Holds the receipts of {@code subscriber}, in arrival order, against the ledger. */
    Received add(String subscriber, List<MessageId> receipts) {
        Map<MessageId, Integer> counts = new LinkedHashMap<>();
        Map<String, Long> lastFirstReceipt = new HashMap<>();
        List<String> outOfOrder = new ArrayList<>();
        List<MessageId> neverPublished = new ArrayList<>();
        for (MessageId id : receipts) {
            if (!byId.containsKey(id)) {
                neverPublished.add(id);
                continue;
            }
            if (counts.merge(id, 1, Integer::sum) > 1) {
                continue; // a duplicate: counted below, not an ordering question
            }
            // First receipts per topic must follow publish order: a topic has one publisher, which numbers in order.
            Long previous = lastFirstReceipt.put(id.topic(), id.number());
            if (previous != null && previous > id.number()) {
                outOfOrder.add(id.topic() + ": #" + id.number() + " after #" + previous);
            }
        }
        List<MessageId> lost = new ArrayList<>();
        List<MessageId> exactlyOnceDuplicates = new ArrayList<>();
        int atLeastOnceDuplicates = 0;
        for (Sent message : sent) {
            int count = counts.getOrDefault(message.id(), 0);
            if (count == 0 && message.outcome() == Outcome.ACKNOWLEDGED) {
                lost.add(message.id());
            }
            if (count > 1 && message.qos() == MqttQos.EXACTLY_ONCE) {
                exactlyOnceDuplicates.add(message.id());
            } else if (count > 1) {
                atLeastOnceDuplicates += count - 1;
            }
        }
        Received result = new Received(
                subscriber, counts, lost, exactlyOnceDuplicates, atLeastOnceDuplicates, outOfOrder, neverPublished);
        received.add(result);
        return result;
    }

    /** Everything that breaks the promise, one line each; empty when the broker kept it. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Received r : received) {
            if (!r.lost().isEmpty()) {
                problems.add(r.subscriber() + " never received " + r.lost().size() + " acknowledged messages: "
                        + shown(r.lost()));
            }
            if (!r.exactlyOnceDuplicates().isEmpty()) {
                problems.add(r.subscriber() + " received "
                        + r.exactlyOnceDuplicates().size() + " QoS 2 messages more than once: "
                        + shown(r.exactlyOnceDuplicates()));
            }
            if (!r.outOfOrder().isEmpty()) {
                problems.add(r.subscriber() + " received " + r.outOfOrder().size()
                        + " messages before ones published earlier on their topic: " + shown(r.outOfOrder()));
            }
            if (!r.neverPublished().isEmpty()) {
                problems.add(r.subscriber() + " received " + r.neverPublished().size() + " messages no publisher sent: "
                        + shown(r.neverPublished()));
            }
        }
        return problems;
    }

    /**
     * The counts per cycle (the cycle a message was published in; the last one is the run after the last restart)
     * and in total: published, acknowledged, and per subscriber received (distinct), duplicates (extra receipts of QoS
     * 1 messages, which are allowed, and of QoS 2 ones, which are not) and lost (acknowledged, never received).
     */
    String table(int killedCycles) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-7s %9s %9s %9s %9s", "cycle", "published", "acked", "not-acked", "in-flight"));
        for (Received r : received) {
            out.append(String.format(" | %-30s", r.subscriber() + " rcvd/dup1/dup2/lost"));
        }
        out.append('\n');
        Map<Integer, List<Sent>> byCycle =
                sent.stream().collect(Collectors.groupingBy(Sent::cycle, TreeMap::new, Collectors.toList()));
        for (Map.Entry<Integer, List<Sent>> cycle : byCycle.entrySet()) {
            String label = cycle.getKey() > killedCycles ? "final" : Integer.toString(cycle.getKey());
            row(out, label, cycle.getValue());
        }
        row(out, "total", sent);
        return out.toString();
    }

    private void row(StringBuilder out, String label, List<Sent> messages) {
        Map<Outcome, Long> outcomes =
                messages.stream().collect(Collectors.groupingBy(Sent::outcome, Collectors.counting()));
        out.append(String.format(
                "%-7s %9d %9d %9d %9d",
                label,
                messages.size(),
                outcomes.getOrDefault(Outcome.ACKNOWLEDGED, 0L),
                outcomes.getOrDefault(Outcome.NOT_ACKNOWLEDGED, 0L),
                outcomes.getOrDefault(Outcome.IN_FLIGHT, 0L)));
        for (Received r : received) {
            int distinct = 0;
            int atLeastOnceDuplicates = 0;
            int exactlyOnceDuplicates = 0;
            int lost = 0;
            for (Sent message : messages) {
                int count = r.counts().getOrDefault(message.id(), 0);
                distinct += count > 0 ? 1 : 0;
                if (message.qos() == MqttQos.EXACTLY_ONCE) {
                    exactlyOnceDuplicates += Math.max(0, count - 1);
                } else {
                    atLeastOnceDuplicates += Math.max(0, count - 1);
                }
                lost += count == 0 && message.outcome() == Outcome.ACKNOWLEDGED ? 1 : 0;
            }
            out.append(String.format(
                    " | %-30s", distinct + "/" + atLeastOnceDuplicates + "/" + exactlyOnceDuplicates + "/" + lost));
        }
        out.append('\n');
    }

    private static String shown(List<?> items) {
        String head = items.stream().limit(SHOWN).map(Object::toString).collect(Collectors.joining(", "));
        return items.size() > SHOWN ? head + ", ... (" + (items.size() - SHOWN) + " more)" : head;
    }
}
