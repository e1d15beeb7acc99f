package dev.tern.core.session;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Delivers a connection's answers (publish outcomes, subscribe results, releases) on the connection's thread in the
 * order of the calls that asked for them. An answer that needs nothing stored arrives during its call; one that waits
 * for the store arrives later on the store's thread; a quick answer must not overtake a slow one: MQTT acknowledges in
 * the order packets arrived [MQTT-4.6.0-2] [MQTT-4.6.0-3]. Confined to the connection's thread, except {@link
 * Answer#accept}, which may run anywhere and only hands over.
 */
final class AnswersInOrder {
    private final Executor connection;
    private final ArrayDeque<Answer<?>> waiting = new ArrayDeque<>();
    /** The connection's thread while it is inside {@link #call}: an answer given on it now is given in the call. */
    private Thread inCall;

    private boolean draining;

    AnswersInOrder(Executor connection) {
        this.connection = connection;
    }

    /** Runs {@code request} with a stand-in for {@code answer} that keeps the order. */
    <T> void call(Consumer<T> answer, Consumer<Consumer<T>> request) {
        Answer<T> slot = new Answer<>(answer);
        waiting.add(slot);
        Thread outer = inCall;
        inCall = Thread.currentThread();
        try {
            request.accept(slot);
        } finally {
            inCall = outer;
        }
    }

    private void drain() {
        if (draining) {
            return; // an answer that calls in again: the loop below carries on in order
        }
        draining = true;
        try {
            while (!waiting.isEmpty() && waiting.peek().ready) {
                waiting.poll().give();
            }
        } finally {
            draining = false;
        }
    }

    private final class Answer<T> implements Consumer<T> {
        private final Consumer<T> answer;
        private T value;
        private boolean ready;

        Answer(Consumer<T> answer) {
            this.answer = answer;
        }

        @Override
        public void accept(T given) {
            // inCall is only ever the connection's thread, so this is false on any other thread, however stale.
            if (Thread.currentThread() == inCall) {
                arrived(given);
            } else {
                connection.execute(() -> arrived(given));
            }
        }

        private void arrived(T given) {
            value = given;
            ready = true;
            drain();
        }

        void give() {
            answer.accept(value);
        }
    }
}
