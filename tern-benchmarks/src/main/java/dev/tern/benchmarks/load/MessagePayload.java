package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;

/**
 * What a generated message carries: its sequence number on its topic and the {@link System#nanoTime()} it counts as
 * sent, then zero padding up to the payload size. Publishers and subscribers share one JVM, so the timestamps compare
 * directly; the sequence number is how the subscriber tells loss and duplicates apart.
 */
final class MessagePayload {
    /** Sequence number and timestamp: the smallest payload the generator can measure with. */
    static final int MINIMUM_SIZE = 16;

    private MessagePayload() {}

    static void write(ByteBuf out, long sequence, long sentNanos, int size) {
        out.writeLong(sequence);
        out.writeLong(sentNanos);
        out.writeZero(size - MINIMUM_SIZE);
    }

    /** The sequence number of a received payload (its reader index is left alone). */
    static long sequence(ByteBuf payload) {
        return payload.getLong(payload.readerIndex());
    }

    static long sentNanos(ByteBuf payload) {
        return payload.getLong(payload.readerIndex() + Long.BYTES);
    }
}
