package dev.tern.it.conformance;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * Lets real time pass on the broker's clock, for the few behaviours whose subject is elapsed time itself (keep alive,
 * session and message expiry in an end-to-end test, where no manual clock can be driven). Waiting for an event never
 * goes through here: that is what {@code receive} with a timeout is for.
 */
final class RealTime {
    private RealTime() {}

    static void pass(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        await().pollInterval(Duration.ofMillis(50))
                .atMost(duration.plusSeconds(5))
                .until(() -> System.nanoTime() >= until);
    }
}
