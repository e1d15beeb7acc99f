package dev.tern.mqtt;

import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the actions of one call into an {@link MqttChannel}. Calls nest: the core may call back into the channel
 * while the channel is calling it (a PUBACK frees an inflight slot and the next message is delivered at once), and
 * the nested call's actions join the outer call's list, in order, instead of being carried out ahead of it.
 *
 * <p>Callbacks that arrive later (a publish outcome confirmed by the store, the core's answer to a connect) run through
 * {@link #later} and hand their actions to the connection's sink as one batch.
 */
final class Effects {
    private final Consumer<List<Action>> sink;
    private List<Action> pending = new ArrayList<>(4);
    private int depth;

    Effects(Consumer<List<Action>> sink) {
        this.sink = sink;
    }

    /** Starts a call into the channel. */
    void enter() {
        depth++;
    }

    /** Ends a call: the outermost one returns everything collected; nested ones return nothing. */
    List<Action> exit() {
        if (--depth > 0 || pending.isEmpty()) {
            return List.of();
        }
        List<Action> out = pending;
        pending = new ArrayList<>(4);
        return out;
    }

    /** Runs a callback of the core's: inside a call its actions join that call's; otherwise they go to the sink. */
    void later(Runnable callback) {
        enter();
        List<Action> actions;
        try {
            callback.run();
        } finally {
            actions = exit();
        }
        if (!actions.isEmpty()) {
            sink.accept(actions);
        }
    }

    void add(Action action) {
        pending.add(action);
        if (depth == 0) {
            // Not inside any call (should not happen): hand it over at once rather than lose it.
            List<Action> out = pending;
            pending = new ArrayList<>(4);
            sink.accept(out);
        }
    }

    void send(MqttPacket packet, MqttVersion version) {
        add(new Action.Send(packet, version));
    }

    void close(String reason) {
        add(new Action.Close(reason));
    }
}
