package dev.tern.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * One subscriber's figures at the end of a run. {@code received} counts every delivery (duplicates too) over the whole
 * run; {@code receivedInWindow} and {@code endToEndNanos} only the measured interval.
 *
 * @param missing messages its publisher sent that never arrived, after the drain
 * @param foreign deliveries on a topic it did not subscribe to, or below QoS 1
 * @param failure why the connection failed, or null
 */
record SubscriberStats(
        String topic,
        long received,
        long receivedInWindow,
        long distinct,
        long duplicates,
        long missing,
        long foreign,
        Histogram endToEndNanos,
        String failure) {}
