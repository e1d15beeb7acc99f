package dev.tern.benchmarks.load;

import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.mqtt.codec.SubscribePacket;
import dev.tern.mqtt.codec.Subscription;
import dev.tern.mqtt.codec.SubscriptionOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * A persistent session subscribed to one topic at QoS 1: it acknowledges every delivery, checks sequence numbers (loss,
 * duplicates) and measures publish-to-delivery latency. The PUBACKs of one read are flushed together.
 */
final class Subscriber extends ClientConnection {
    private static final int SUBSCRIBE_PACKET_ID = 1;

    private final String topic;
    private final SequenceTracker sequences = new SequenceTracker();
    private final Histogram endToEnd = new Histogram(3);
    private final CompletableFuture<Void> complete = new CompletableFuture<>();
    private long received;
    private long receivedInWindow;
    private long foreign;
    private long expected = -1;
    private MeasurementWindow measurement;

    Subscriber(MqttVersion version, String clientId, String topic) {
        super(version, clientId, true);
        this.topic = topic;
    }

    /** Sets the measured interval (from any thread); completes once the event loop has it. */
    CompletableFuture<Void> measure(MeasurementWindow measurement) {
        return onLoop(() -> {
            this.measurement = measurement;
            return null;
        });
    }

    /** Ready once the subscription is granted at QoS 1, not merely connected: no message may be published before. */
    @Override
    protected void onConnected() {
        write(new SubscribePacket(
                SUBSCRIBE_PACKET_ID,
                List.of(new Subscription(topic, SubscriptionOptions.of(MqttQos.AT_LEAST_ONCE))),
                MqttProperties.EMPTY));
        ctx.flush();
    }

    /**
     * Completes once sequence numbers {@code 0 .. count-1} have all arrived (or the connection is gone): the publisher
     * has stopped, and {@code count} is what it published.
     */
    CompletableFuture<Void> awaitAll(long count) {
        onLoop(() -> {
            expected = count;
            checkComplete();
            return null;
        });
        return complete;
    }

    CompletableFuture<SubscriberStats> stats() {
        return onLoop(() -> new SubscriberStats(
                topic,
                received,
                receivedInWindow,
                sequences.distinct(),
                sequences.duplicates(),
                expected < 0 ? 0 : sequences.missingBelow(expected),
                foreign,
                endToEnd.copy(),
                failure()));
    }

    @Override
    protected void onPacket(MqttPacket packet) {
        switch (packet) {
            case PublishPacket publish -> onPublish(publish);
            case SubAckPacket subAck -> onSubAck(subAck);
            default -> {}
        }
    }

    private void onSubAck(SubAckPacket subAck) {
        ReasonCode granted = subAck.reasonCodes().getFirst();
        if (granted == ReasonCode.GRANTED_QOS_1) {
            markReady();
        } else {
            fail("subscription to " + topic + " not granted at QoS 1: " + granted);
        }
    }

    private void onPublish(PublishPacket publish) {
        long now = System.nanoTime();
        if (publish.qos() == MqttQos.AT_LEAST_ONCE) {
            write(PubAckPacket.of(publish.packetId())); // flushed with the others of this read
        }
        if (publish.qos() != MqttQos.AT_LEAST_ONCE
                || !publish.topic().equals(topic)
                || publish.payload().readableBytes() < MessagePayload.MINIMUM_SIZE) {
            foreign++;
            return;
        }
        received++;
        sequences.record(MessagePayload.sequence(publish.payload()));
        if (measurement != null && measurement.contains(now)) {
            receivedInWindow++;
            endToEnd.recordValue(Math.max(0, now - MessagePayload.sentNanos(publish.payload())));
        }
        checkComplete();
    }

    private void checkComplete() {
        if (expected >= 0 && sequences.distinct() >= expected && sequences.missingBelow(expected) == 0) {
            complete.complete(null);
        }
    }

    @Override
    protected void onClosed() {
        complete.complete(null);
    }
}
