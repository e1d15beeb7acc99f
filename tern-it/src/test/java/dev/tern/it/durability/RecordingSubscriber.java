package dev.tern.it.durability;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber with a persistent session (same client identifier throughout, clean start off, a long session expiry)
 * that records every message it receives, in arrival order, duplicates included. One client object serves the whole
 * test, so its own half of the QoS 2 flows (the packet identifiers it answered PUBREC to and awaits PUBREL for) lives
 * across reconnects: only then can the broker keep a QoS 2 delivery to exactly once across a crash.
 */
final class RecordingSubscriber implements AutoCloseable {
    private final String name;
    private final Mqtt5AsyncClient client;
    private final List<MessageId> receipts = new ArrayList<>(); // guarded by this
    private final Set<String> endMarkers = new HashSet<>(); // guarded by this
    private final List<String> strays = new ArrayList<>(); // guarded by this
    private final List<Boolean> sessionPresent = new CopyOnWriteArrayList<>();

    private RecordingSubscriber(String name, Mqtt5ClientBuilder builder) {
        this.name = name;
        this.client = builder.addConnectedListener(connected -> sessionPresent.add(
                        ((Mqtt5ClientConnectedContext) connected).getConnAck().isSessionPresent()))
                // HiveMQ would subscribe again by itself when the broker lost the session; a lost session must show
                // as lost messages, not be mended by the client.
                .addDisconnectedListener(
                        disconnected -> disconnected.getReconnector().resubscribeIfSessionExpired(false))
                .buildAsync();
        // Registered before the first CONNECT, so that nothing the broker sends right after CONNACK is missed.
        client.publishes(MqttGlobalPublishFilter.ALL, this::record);
    }

    /** A subscriber whose client reconnects by itself after each crash, as a device that stays online would. */
    static RecordingSubscriber reconnecting(String name, int port) {
        return new RecordingSubscriber(name, Durability.reconnecting(port, name));
    }

    /** A subscriber that connects only when told: offline while the broker crashes, it finds its queue later. */
    static RecordingSubscriber manual(String name, int port) {
        return new RecordingSubscriber(name, Durability.client(port, name));
    }

    String name() {
        return name;
    }

    private synchronized void record(Mqtt5Publish publish) {
        MessageId id;
        try {
            id = MessageId.parse(publish.getPayloadAsBytes());
        } catch (RuntimeException e) {
            // Kept for the report rather than thrown: an exception here would only reach the client's log.
            strays.add(publish.getTopic() + ": " + e.getMessage());
            return;
        }
        if (!id.topic().equals(publish.getTopic().toString())) {
            strays.add(id + " arrived on topic " + publish.getTopic());
        } else if (id.isEndMarker()) {
            endMarkers.add(id.topic());
        } else {
            receipts.add(id);
        }
    }

    /** Connects, resuming the session if the broker has it; waits for CONNACK. */
    Mqtt5ConnAck connect() throws Exception {
        return client.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(Durability.SESSION_EXPIRY_SECONDS)
                .send()
                .get(Durability.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Subscribes to {@code filter} with QoS 2, so that each message arrives with the QoS it was published with. */
    void subscribe(String filter) throws Exception {
        client.subscribeWith()
                .topicFilter(filter)
                .qos(MqttQos.EXACTLY_ONCE)
                .send()
                .get(Durability.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Disconnects normally; the session (expiry from CONNECT) stays on the broker and queues what arrives. */
    void disconnect() throws Exception {
        client.disconnect().get(Durability.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Goes offline if connected, online if offline; leaves a client that is reconnecting by itself alone. Returns
     * what it did, for the log.
     */
    String toggle() throws Exception {
        MqttClientState state = client.getState();
        if (state == MqttClientState.CONNECTED) {
            disconnect();
            return "went offline";
        }
        if (state == MqttClientState.DISCONNECTED) {
            connect();
            return "came back online";
        }
        return "left alone (" + state + ")";
    }

    boolean isConnected() {
        return client.getState().isConnected();
    }

    /** Whether the end marker of every one of {@code topics} has arrived: then everything before them has too. */
    synchronized boolean hasEndMarkers(Collection<String> topics) {
        return endMarkers.containsAll(topics);
    }

    synchronized Set<String> endMarkers() {
        return Set.copyOf(endMarkers);
    }

    /** Every numbered message received so far, in arrival order, duplicates included. */
    synchronized List<MessageId> receipts() {
        return List.copyOf(receipts);
    }

    /** Messages that were not what any publisher of the test sent, or arrived on another topic. */
    synchronized List<String> strays() {
        return List.copyOf(strays);
    }

    synchronized int receiptCount() {
        return receipts.size();
    }

    /** The CONNACK session-present flag of each connection, in order: the first is false, every later one true. */
    List<Boolean> sessionPresent() {
        return List.copyOf(sessionPresent);
    }

    @Override
    public void close() {
        if (client.getState().isConnectedOrReconnect()) {
            try {
                client.disconnect().get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // already gone: nothing to clean up
            }
        }
    }
}
