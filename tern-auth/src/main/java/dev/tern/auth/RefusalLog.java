package dev.tern.auth;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each refusal with client id, peer and reason, at most once per (client id, peer, reason) within a window: a
 * client retrying in a loop, or a scan, cannot flood the log. The next line after a quiet spell says how many were left
 * out. The peer counts by its address without the port, so a client reconnecting from new ports is the same source.
 */
final class RefusalLog {
    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
    private static final int MAX_TRACKED = 10_000;

    private final InstantSource clock;
    private final long windowMillis;
    private final Map<Key, Window> recent = new ConcurrentHashMap<>();

    private record Key(String clientId, String peer, String reason) {}

    private static final class Window {
        final long startedAt;
        int suppressed;

        Window(long startedAt) {
            this.startedAt = startedAt;
        }
    }

    RefusalLog(InstantSource clock, Duration window) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
    }

    /**
     * Logs a refusal unless the same one was logged within the window. {@code reason} is the stable part (it keys the
     * throttle); {@code detail} may vary.
     */
    void refused(String what, String clientId, String peer, String listener, String reason, String detail) {
        long now = clock.millis();
        // The peer without its port: reconnects from new ports are the same source.
        Key key = new Key(clientId, host(peer), reason);
        if (recent.size() >= MAX_TRACKED) {
            recent.values().removeIf(w -> now - w.startedAt >= windowMillis);
            if (recent.size() >= MAX_TRACKED) {
                recent.clear();
            }
        }
        int[] suppressed = {-1};
        recent.compute(key, (k, window) -> {
            if (window == null || now - window.startedAt >= windowMillis) {
                suppressed[0] = window == null ? 0 : window.suppressed;
                return new Window(now);
            }
            window.suppressed++;
            return window;
        });
        if (suppressed[0] < 0) {
            return;
        }
        String more = suppressed[0] > 0 ? " (" + suppressed[0] + " more like it in the last window)" : "";
        log.warn(
                "Refused {} clientId={} peer={} listener={}: {}{}{}",
                what,
                clientId,
                peer,
                listener,
                reason,
                detail.isEmpty() ? "" : ": " + detail,
                more);
    }

    private static String host(String peer) {
        int colon = peer.lastIndexOf(':');
        return colon > 0 ? peer.substring(0, colon) : peer;
    }
}
