package dev.tern.mqtt;

import dev.tern.api.broker.Traffic;
import dev.tern.api.session.CloseReason;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DeliveryOutcome;
import dev.tern.api.session.Outlet;
import dev.tern.mqtt.codec.MalformedPacketException;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One MQTT connection's protocol state machine. It does no I/O: every entry point returns the {@link Action}s the
 * connection must carry out, and callbacks of the core's that arrive later hand theirs to the sink given at
 * construction. Called only on the connection's event loop, so it needs no locks.
 *
 * <p>Until CONNACK the {@link ConnectPhase} answers (CONNECT checks, authentication, opening the session); from then
 * on the {@link ConnectedPhase}. This class only routes between them and keeps the calls' actions in order.
 */
final class MqttChannel {
    private final ChannelEnvironment env;
    private final Effects effects;
    private final ConnectPhase connect;
    private ConnectedPhase connected;

    /** A delivery's outcome and the actions that carry it out. */
    record Delivered(DeliveryOutcome outcome, List<Action> actions) {
        Delivered {
            Objects.requireNonNull(outcome, "outcome");
            actions = List.copyOf(actions);
        }
    }

    MqttChannel(ChannelEnvironment env, Supplier<Peer> peer, Outlet outlet, Consumer<List<Action>> sink) {
        this.env = env;
        this.effects = new Effects(sink);
        this.connect = new ConnectPhase(env, peer, outlet, effects, this::opened);
    }

    /** The connection is open: a client has {@code mqtt.connect_timeout} to send CONNECT (and finish authenticating). */
    List<Action> start() {
        return run(() -> effects.add(
                new Action.SetTimer(Timer.CONNECT_TIMEOUT, env.settings().connectTimeoutSeconds() * 1000L)));
    }

    /** A packet from the client. The channel owns it from here (and releases a PUBLISH). */
    List<Action> handleIn(MqttPacket packet) {
        return run(() -> {
            if (connected != null) {
                connected.handleIn(packet);
            } else {
                connect.handleIn(packet);
            }
        });
    }

    /**
     * The decoder failed: answer as the version allows, then close. Before CONNACK: 5.0 and, where 3.x defines a
     * return code for the failure, 3.x get a refusing CONNACK. After: 5.0 gets DISCONNECT with the reason code, 3.x
     * nothing. The decoder's {@code version} is known once CONNECT's protocol level has been read.
     */
    List<Action> handleDecodeFailure(MalformedPacketException failure, Optional<MqttVersion> version) {
        return run(() -> {
            String reason =
                    "protocol error " + failure.reasonCode() + " [" + failure.rule() + "]: " + failure.getMessage();
            if (failure.reasonCode() == ReasonCode.PACKET_TOO_LARGE) {
                // The decoder refuses a packet above mqtt.max_packet_size from its fixed header.
                env.traffic().limitExceeded(Traffic.Limit.PACKET_SIZE);
            }
            if (connected != null) {
                connected.decodeFailure(failure, reason);
            } else {
                connect.decodeFailure(failure, version, reason);
            }
        });
    }

    List<Action> handleTimeout(Timer timer) {
        return run(() -> {
            switch (timer) {
                case CONNECT_TIMEOUT -> {
                    if (connected == null) {
                        connect.timedOut();
                    }
                }
                case KEEP_ALIVE -> {
                    if (connected != null) {
                        connected.keepAliveCheck();
                    }
                }
            }
        });
    }

    /** The socket closed, from either side: a session still open ends abnormally, so its will goes out. */
    List<Action> handleClosed() {
        return run(() -> {
            connect.closed();
            if (connected != null) {
                connected.closed();
            }
        });
    }

    /** The socket can take more again: the session may send what it held back. */
    List<Action> handleWritable() {
        return run(() -> {
            if (connected != null) {
                connected.writable();
            }
        });
    }

    // ---- the outlet: calls from the core
    // -----------------------------------------------------------------------------

    Delivered deliver(Delivery delivery) {
        DeliveryOutcome[] outcome = {DeliveryOutcome.SENT};
        List<Action> actions = run(() -> {
            // Nothing reaches a connection that is not open; the session, told of the close, keeps the message.
            if (connected != null) {
                outcome[0] = connected.deliver(delivery);
            }
        });
        return new Delivered(outcome[0], actions);
    }

    List<Action> resendRelease(int packetId) {
        return run(() -> {
            if (connected != null) {
                connected.resendRelease(packetId);
            }
        });
    }

    List<Action> flush() {
        return run(() -> effects.add(Action.Flush.INSTANCE));
    }

    /** The core closes the connection: 5.0 is told why with DISCONNECT (0x8E, 0x8B, 0x98, 0x97), 3.x is not. */
    List<Action> close(CloseReason reason) {
        return run(() -> {
            if (connected != null) {
                connected.closedByBroker(reason);
            } else {
                connect.closedByBroker(reason);
            }
        });
    }

    /** The client identifier as far as known: the session's once connected, else the CONNECT's (for the logs). */
    Optional<String> clientId() {
        return connect.clientId();
    }

    /** The protocol version, once CONNECT has been read (for the logs). */
    Optional<MqttVersion> version() {
        return connect.version();
    }

    private void opened(ConnectPhase.SessionOpened opened) {
        connected = new ConnectedPhase(env, opened.terms(), opened.session(), opened.authentication(), effects);
        for (MqttPacket early : opened.waiting()) {
            connected.handleIn(early);
        }
    }

    /** Runs one call into the channel and returns its actions; a failing call's actions are dropped. */
    private List<Action> run(Runnable body) {
        effects.enter();
        boolean done = false;
        try {
            body.run();
            done = true;
        } finally {
            if (!done) {
                Action.releaseAll(effects.exit());
            }
        }
        return effects.exit();
    }

    static void release(MqttPacket packet) {
        if (packet instanceof PublishPacket publish) {
            publish.release();
        }
    }
}
