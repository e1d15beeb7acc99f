package dev.tern.core.sys;

import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Message;
import dev.tern.api.message.MessageProperties;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.topic.TopicName;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Publishes the broker's figures under {@code $SYS/broker/...} with Mosquitto's topic names, retained, so that a new
 * subscriber sees the latest values at once. {@code #} never matches them [MQTT-4.7.2-1]; subscribe to {@code $SYS/#}.
 */
public final class SysTopics {
    /** What the core exposes for $SYS; sizes are read at publication time. */
    public record Figures(
            String version,
            Counters counters,
            IntSupplier connectedClients,
            IntSupplier totalSessions,
            IntSupplier subscriptions,
            IntSupplier retainedMessages) {}

    private final Figures figures;
    private final InstantSource clock;
    private final Consumer<Message> publish;
    private final long startedAtMillis;
    private final Map<String, LoadAverage> loads = new LinkedHashMap<>();

    public SysTopics(Figures figures, InstantSource clock, Consumer<Message> publish) {
        this.figures = figures;
        this.clock = clock;
        this.publish = publish;
        this.startedAtMillis = clock.millis();
        for (String counter :
                new String[] {"messages/received", "messages/sent", "bytes/received", "bytes/sent", "connections"}) {
            for (String window : new String[] {"1min", "5min", "15min"}) {
                int minutes = Integer.parseInt(window.substring(0, window.length() - 3));
                loads.put(counter + "/" + window, new LoadAverage(minutes * 60.0));
            }
        }
    }

    /** Publishes every figure once; called every {@code sys.interval} seconds. */
    public void publishAll(double intervalSeconds) {
        Counters c = figures.counters();
        long now = clock.millis();
        publish("version", "Tern " + figures.version());
        publish("uptime", ((now - startedAtMillis) / 1000) + " seconds");
        publish("clients/connected", figures.connectedClients().getAsInt());
        publish("clients/active", figures.connectedClients().getAsInt());
        publish("clients/total", figures.totalSessions().getAsInt());
        publish(
                "clients/disconnected",
                Math.max(
                        0,
                        figures.totalSessions().getAsInt()
                                - figures.connectedClients().getAsInt()));
        publish("messages/received", c.messagesReceived());
        publish("messages/sent", c.messagesSent());
        publish("messages/dropped", c.droppedTotal());
        publish("limits/exceeded", c.limitsExceededTotal());
        for (Traffic.Limit limit : Traffic.Limit.values()) {
            publish("limits/" + limit.name().toLowerCase(Locale.ROOT), c.limitsExceeded(limit));
        }
        publish("bytes/received", c.bytesReceived());
        publish("bytes/sent", c.bytesSent());
        publish("subscriptions/count", figures.subscriptions().getAsInt());
        publish("retained messages/count", figures.retainedMessages().getAsInt());
        for (Map.Entry<String, LoadAverage> load : loads.entrySet()) {
            String name = load.getKey();
            long total = name.startsWith("messages/received")
                    ? c.messagesReceived()
                    : name.startsWith("messages/sent")
                            ? c.messagesSent()
                            : name.startsWith("bytes/received")
                                    ? c.bytesReceived()
                                    : name.startsWith("bytes/sent") ? c.bytesSent() : c.connectionsOpened();
            load.getValue().sample(total, intervalSeconds);
            publish(
                    "load/" + name,
                    String.format(Locale.ROOT, "%.2f", load.getValue().perMinute()));
        }
    }

    private void publish(String name, long value) {
        publish(name, Long.toString(value));
    }

    private void publish(String name, String value) {
        long now = clock.millis();
        publish.accept(new Message(
                new TopicName("$SYS/broker/" + name),
                Payload.utf8(value),
                Qos.AT_MOST_ONCE,
                true,
                MessageProperties.NONE,
                "",
                now,
                Message.NEVER_EXPIRES));
    }
}
