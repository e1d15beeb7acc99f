package dev.tern.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * One publisher's figures at the end of a run. {@code published} and {@code acknowledged} cover the whole run (warm-up
 * and drain included), {@code acknowledgedInWindow} and {@code ackLatencyNanos} only the measured interval.
 *
 * @param refused PUBACKs with an error reason code (MQTT 5): the broker did not take the message
 * @param unexpectedAcks PUBACKs for a packet identifier with nothing in flight: a broker bug or a generator bug
 * @param failure why the connection failed, or null
 */
record PublisherStats(
        String topic,
        long published,
        long acknowledged,
        long acknowledgedInWindow,
        long refused,
        long unexpectedAcks,
        Histogram ackLatencyNanos,
        String failure) {

    long unacknowledged() {
        return published - acknowledged - refused;
    }
}
