package dev.tern.benchmarks.load;

import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PublishPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Publishes QoS 1 messages to one topic with at most {@code window} unacknowledged, optionally paced to a fixed rate,
 * and measures PUBLISH to PUBACK: the time the broker takes to accept a message, which is what its durability costs.
 *
 * <p>Writes are batched: every event-loop turn that frees room in the window (a read of PUBACKs, a rate tick) writes
 * as many PUBLISHes as fit and flushes once.
 */
final class Publisher extends ClientConnection {
    /** How often a rate-paced publisher wakes to send what has become due: 1 ms keeps bursts small. */
    private static final long RATE_TICK_MICROS = 1_000;

    private static final int NO_MESSAGE = -1;

    private final String topic;
    private final int payloadSize;
    private final int window;
    private final long ratePerSecond;
    private final long maxMessages;

    // Indexed by packet identifier (1..65535): which message it carries and when that counts as sent.
    private final long[] sequenceOf = new long[65_536];
    private final long[] sentAtOf = new long[65_536];

    private final Histogram ackLatency = new Histogram(3);
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private MeasurementWindow measurement;
    private long sendEndNanos;
    private long startNanos;
    private long published;
    private long acknowledged;
    private long acknowledgedInWindow;
    private long refused;
    private long unexpectedAcks;
    private int inflight;
    private boolean sending;
    private ScheduledFuture<?> rateTicks;

    Publisher(MqttVersion version, String clientId, String topic, LoadSettings settings) {
        super(version, clientId, false);
        this.topic = topic;
        this.payloadSize = settings.payloadBytes();
        this.window = settings.window();
        this.ratePerSecond = settings.ratePerPublisher();
        this.maxMessages = settings.maxMessagesPerPublisher();
        Arrays.fill(sequenceOf, NO_MESSAGE);
    }

    /**
     * Starts publishing (from any thread) at once: warm-up first, then {@code measurement}, at whose end publishing
     * stops; what is then in flight is drained, not measured. The rate, if any, counts from {@code startNanos}.
     */
    void start(long startNanos, MeasurementWindow measurement) {
        onLoop(() -> {
            this.startNanos = startNanos;
            this.measurement = measurement;
            this.sendEndNanos = measurement.endNanos();
            sending = true;
            ctx.executor().schedule(this::stop, Math.max(0, sendEndNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (ratePerSecond > 0) {
                rateTicks = ctx.executor().scheduleAtFixedRate(this::fill, 0, RATE_TICK_MICROS, TimeUnit.MICROSECONDS);
            } else {
                fill();
            }
            return null;
        });
    }

    /** Completes once publishing has stopped and every PUBLISH has been acknowledged (or the connection is gone). */
    CompletableFuture<Void> drained() {
        return drained;
    }

    /** The figures so far, copied on the event loop. */
    CompletableFuture<PublisherStats> stats() {
        return onLoop(() -> new PublisherStats(
                topic,
                published,
                acknowledged,
                acknowledgedInWindow,
                refused,
                unexpectedAcks,
                ackLatency.copy(),
                failure()));
    }

    private void fill() {
        if (!sending || !ctx.channel().isActive()) { // also before start(): a PUBACK-free read, say
            return;
        }
        boolean wrote = false;
        long now = System.nanoTime();
        while (inflight < window && published < maxMessages && now - sendEndNanos < 0) {
            long sentAt = now;
            if (ratePerSecond > 0) {
                // The time this message was due, not the time it went out: a broker that stalls the publisher then
                // shows in the latency instead of hiding in a lower send rate (coordinated omission).
                sentAt = startNanos + published * 1_000_000_000L / ratePerSecond;
                if (sentAt - now > 0) {
                    break;
                }
            }
            int packetId = (int) (published % 65_535) + 1;
            if (sequenceOf[packetId] != NO_MESSAGE) {
                break; // an old message still holds this identifier: wait for its PUBACK
            }
            ByteBuf payload = ctx.alloc().buffer(payloadSize);
            MessagePayload.write(payload, published, sentAt, payloadSize);
            PublishPacket publish = new PublishPacket(
                    false, MqttQos.AT_LEAST_ONCE, false, topic, packetId, MqttProperties.EMPTY, payload);
            try {
                write(publish);
            } finally {
                publish.release(); // the encoder copied small payloads and retained large ones
            }
            sequenceOf[packetId] = published;
            sentAtOf[packetId] = sentAt;
            published++;
            inflight++;
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
        if (published >= maxMessages) {
            stop();
        }
    }

    private void stop() {
        sending = false;
        if (rateTicks != null) {
            rateTicks.cancel(false);
        }
        if (inflight == 0) {
            drained.complete(null);
        }
    }

    @Override
    protected void onPacket(MqttPacket packet) {
        if (packet instanceof PubAckPacket ack) {
            onPubAck(ack);
        }
    }

    private void onPubAck(PubAckPacket ack) {
        long now = System.nanoTime();
        int packetId = ack.packetId();
        if (sequenceOf[packetId] == NO_MESSAGE) {
            unexpectedAcks++;
            return;
        }
        long sentAt = sentAtOf[packetId];
        sequenceOf[packetId] = NO_MESSAGE;
        inflight--;
        if (ack.reasonCode().isError()) {
            refused++; // e.g. 0x97 while the broker's disk is full: the message was not accepted
        } else {
            acknowledged++;
            if (measurement.contains(now)) {
                acknowledgedInWindow++;
                ackLatency.recordValue(Math.max(0, now - sentAt));
            }
        }
        if (!sending && inflight == 0) {
            drained.complete(null);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        fill(); // the PUBACKs just read made room in the window: refill it and flush once
    }

    @Override
    protected void onClosed() {
        sending = false;
        if (rateTicks != null) {
            rateTicks.cancel(false);
        }
        drained.complete(null);
    }
}
