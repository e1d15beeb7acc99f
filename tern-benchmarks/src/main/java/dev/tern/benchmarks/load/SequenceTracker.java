package dev.tern.benchmarks.load;

import java.util.BitSet;

/**
 * The sequence numbers received on one topic: each one seen once is a delivery, again is a duplicate, never is a loss.
 * A bit per message, so a run's count bound also bounds this memory (10 M messages: 1.25 MB).
 */
final class SequenceTracker {
    private final BitSet seen = new BitSet();
    private long distinct;
    private long duplicates;

    /** Records one delivery; returns false when it is a duplicate. */
    boolean record(long sequence) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("sequence number out of range: " + sequence);
        }
        int index = (int) sequence;
        if (seen.get(index)) {
            duplicates++;
            return false;
        }
        seen.set(index);
        distinct++;
        return true;
    }

    long distinct() {
        return distinct;
    }

    long duplicates() {
        return duplicates;
    }

    /** Sequence numbers {@code 0 .. count-1} never received. */
    long missingBelow(long count) {
        int end = (int) Math.min(count, Integer.MAX_VALUE);
        return end - seen.get(0, end).cardinality();
    }
}
