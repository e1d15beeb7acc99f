package dev.tern.mqtt;

import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test says so. */
final class ManualClock implements InstantSource {
    private long millis;

    ManualClock(long startMillis) {
        this.millis = startMillis;
    }

    void advanceMillis(long delta) {
        millis += delta;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}
