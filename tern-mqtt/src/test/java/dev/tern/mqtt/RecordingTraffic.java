package dev.tern.mqtt;

import dev.tern.api.broker.Traffic;
import java.util.ArrayList;
import java.util.List;

/** Counts what the channel reports. */
final class RecordingTraffic implements Traffic {
    long received;
    long sent;
    final List<DropReason> dropped = new ArrayList<>();
    final List<Limit> limitsExceeded = new ArrayList<>();

    @Override
    public void bytesReceived(long bytes) {
        received += bytes;
    }

    @Override
    public void bytesSent(long bytes) {
        sent += bytes;
    }

    @Override
    public void messageDropped(DropReason reason) {
        dropped.add(reason);
    }

    @Override
    public void limitExceeded(Limit limit) {
        limitsExceeded.add(limit);
    }
}
