package dev.tern.it.durability;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A publisher that sends numbered messages round-robin over its topics, as fast as a window of unacknowledged
 * publications allows, on a thread of its own, and keeps going across broker restarts (its client reconnects by
 * itself). While it is disconnected it waits: a client without a session of its own refuses publications at once, and
 * sending them would only spin. Every publication goes into the {@link Ledger}, and its outcome when its future
 * completes. A failed publication is not sent again: the next one has the next number.
 */
final class NumberedPublisher implements AutoCloseable {
    /** A topic and the QoS every message on it is published with. */
    record Topic(String name, MqttQos qos) {}

    private final String name;
    private final Mqtt5AsyncClient client;
    private final List<Topic> topics;
    private final long[] next;
    private final int windowSize;
    private final Semaphore window;
    private final Ledger ledger;
    private final IntSupplier cycle;
    private boolean connected; // guarded by this
    private Thread thread;
    private long sent;

    NumberedPublisher(
            String name,
            Mqtt5ClientBuilder builder,
            List<Topic> topics,
            int windowSize,
            Ledger ledger,
            IntSupplier cycle) {
        this.name = name;
        this.client = builder.addConnectedListener(connected -> connected(true))
                .addDisconnectedListener(disconnected -> connected(false))
                .buildAsync();
        this.topics = List.copyOf(topics);
        this.next = new long[topics.size()];
        this.windowSize = windowSize;
        this.window = new Semaphore(windowSize);
        this.ledger = ledger;
        this.cycle = cycle;
    }

    /** Connects: a persistent session (resumed after each restart) or a clean one (new after each restart). */
    void connect(boolean persistent) throws Exception {
        client.connectWith()
                .cleanStart(!persistent)
                .sessionExpiryInterval(persistent ? Durability.SESSION_EXPIRY_SECONDS : 0)
                .send()
                .get(Durability.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void connected(boolean now) {
        connected = now;
        notifyAll();
    }

    private synchronized void awaitConnected() throws InterruptedException {
        while (!connected) {
            wait();
        }
    }

    String name() {
        return name;
    }

    List<Topic> topics() {
        return topics;
    }

    /** Starts publishing on a thread of its own. */
    void start() {
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                window.acquire();
                awaitConnected();
                publishNext();
            }
        } catch (InterruptedException stopped) {
            // stop(): nothing more to send
        }
    }

    private void publishNext() {
        int index = (int) (sent++ % topics.size());
        Topic topic = topics.get(index);
        MessageId id = new MessageId(topic.name(), next[index]++);
        ledger.published(id, topic.qos(), cycle.getAsInt());
        send(topic, id).whenComplete((result, error) -> {
            Throwable failure = error != null ? error : result.getError().orElse(null);
            if (failure == null) {
                ledger.acknowledged(id);
            } else {
                ledger.notAcknowledged(id, failure);
            }
            window.release();
        });
    }

    private CompletableFuture<Mqtt5PublishResult> send(Topic topic, MessageId id) {
        return client.publishWith()
                .topic(topic.name())
                .qos(topic.qos())
                .payload(id.payload())
                .send();
    }

    /** Stops sending new messages; those in flight go on until their futures complete ({@link #isSettled()}). */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** Whether every publication sent has completed, acknowledged or not. */
    boolean isSettled() {
        return window.availablePermits() == windowSize;
    }

    /** How many publications are still in flight. */
    int inFlight() {
        return windowSize - window.availablePermits();
    }

    /** Publishes the end marker of each topic (after {@link #stop()}) and waits until the broker acknowledged all. */
    void publishEndMarkers(Duration timeout) throws Exception {
        List<CompletableFuture<Mqtt5PublishResult>> markers = new ArrayList<>();
        for (Topic topic : topics) {
            markers.add(send(topic, MessageId.endOf(topic.name())));
        }
        for (CompletableFuture<Mqtt5PublishResult> marker : markers) {
            Mqtt5PublishResult result = marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result.getError().isPresent()) {
                throw new AssertionError(
                        name + ": an end marker was not acknowledged",
                        result.getError().get());
            }
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
        if (client.getState().isConnectedOrReconnect()) {
            client.disconnect();
        }
    }
}
