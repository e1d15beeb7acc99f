package dev.tern.core.session;

import dev.tern.api.session.CloseReason;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DeliveryOutcome;
import dev.tern.api.session.Outlet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An outlet that records what the core asks of it. */
public final class RecordingOutlet implements Outlet {
    final ManualLoop loop;
    public final List<Delivery> deliveries = new ArrayList<>();
    final List<Integer> releases = new ArrayList<>();
    public final List<CloseReason> closes = new ArrayList<>();
    int flushes;
    boolean writable = true;
    int maximumPayload = Integer.MAX_VALUE;

    private final dev.tern.api.broker.Traffic traffic;

    public RecordingOutlet(ManualLoop loop) {
        this(loop, new dev.tern.core.sys.Counters());
    }

    /** An outlet that counts its drops in {@code traffic}, as a protocol channel does. */
    public RecordingOutlet(ManualLoop loop, dev.tern.api.broker.Traffic traffic) {
        this.loop = loop;
        this.traffic = traffic;
    }

    @Override
    public Executor executor() {
        return loop;
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        if (delivery.message().payload().size() > maximumPayload) {
            traffic.messageDropped(dev.tern.api.broker.Traffic.DropReason.TOO_LARGE_FOR_CLIENT);
            return DeliveryOutcome.DROPPED_TOO_LARGE;
        }
        deliveries.add(delivery);
        return DeliveryOutcome.SENT;
    }

    @Override
    public void resendRelease(int packetId) {
        releases.add(packetId);
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public void close(CloseReason reason) {
        closes.add(reason);
    }

    public List<String> payloads() {
        return deliveries.stream()
                .map(d -> new String(d.message().payload().sharedArray(), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }
}
