package dev.tern.core.sys;

import dev.tern.api.broker.Traffic;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Broker-wide counters, striped so that event loops counting at once do not contend. */
public final class Counters implements Traffic {
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
    private final Map<Limit, LongAdder> limitsExceeded = new EnumMap<>(Limit.class);

    public Counters() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
        for (Limit limit : Limit.values()) {
            limitsExceeded.put(limit, new LongAdder());
        }
    }

    @Override
    public void bytesReceived(long bytes) {
        bytesReceived.add(bytes);
    }

    @Override
    public void bytesSent(long bytes) {
        bytesSent.add(bytes);
    }

    @Override
    public void messageDropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    @Override
    public void limitExceeded(Limit limit) {
        limitsExceeded.get(limit).increment();
    }

    public void messageReceived() {
        messagesReceived.increment();
    }

    public void messageSent() {
        messagesSent.increment();
    }

    public void connectionOpened() {
        connectionsOpened.increment();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long messagesReceived() {
        return messagesReceived.sum();
    }

    public long messagesSent() {
        return messagesSent.sum();
    }

    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    public long dropped(DropReason reason) {
        return dropped.get(reason).sum();
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Refusals for crossing {@code limit}. */
    public long limitsExceeded(Limit limit) {
        return limitsExceeded.get(limit).sum();
    }

    /** Refusals for crossing any limit. */
    public long limitsExceededTotal() {
        return limitsExceeded.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
