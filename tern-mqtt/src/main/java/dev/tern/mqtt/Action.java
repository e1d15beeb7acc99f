package dev.tern.mqtt;

import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link MqttChannel} wants its connection to do. The Netty handler carries actions out in order and decides
 * nothing itself.
 */
sealed interface Action {
    /**
     * Encode {@code packet} by the rules of {@code version} and write it, without flushing; the connection flushes once per read batch and on {@link
     * Flush}. Whoever carries a {@code Send} out owns the packet and releases it if it is reference-counted.
     */
    record Send(MqttPacket packet, MqttVersion version) implements Action {
        public Send {
            Objects.requireNonNull(packet, "packet");
            Objects.requireNonNull(version, "version");
        }
    }

    /** Write out everything sent so far (the end of a batch of deliveries). */
    record Flush() implements Action {
        static final Flush INSTANCE = new Flush();
    }

    /** Flush, then close the connection; {@code reason} goes to the disconnect log line. */
    record Close(String reason) implements Action {
        public Close {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Call {@link MqttChannel#handleTimeout} with {@code timer} after {@code delayMillis}, replacing a pending one. */
    record SetTimer(Timer timer, long delayMillis) implements Action {
        public SetTimer {
            Objects.requireNonNull(timer, "timer");
        }
    }

    /** Forget a pending timer. */
    record CancelTimer(Timer timer) implements Action {
        public CancelTimer {
            Objects.requireNonNull(timer, "timer");
        }
    }

    /** Stop or resume reading from the socket (paused while the core opens the session). */
    record Reading(boolean enabled) implements Action {}

    /** The client is connected: for the connect log line. */
    record Opened(String clientId, MqttVersion version, boolean sessionPresent, int keepAliveSeconds)
            implements Action {
        public Opened {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(version, "version");
        }
    }

    /** Releases the reference-counted packets of actions that will not be carried out. */
    static void releaseAll(List<Action> actions) {
        for (Action action : actions) {
            if (action instanceof Send send) {
                ReferenceCountUtil.release(send.packet());
            }
        }
    }
}
