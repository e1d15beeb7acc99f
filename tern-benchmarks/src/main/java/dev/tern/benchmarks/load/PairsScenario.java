package dev.tern.benchmarks.load;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * N publisher/subscriber pairs, each on its own topic: publisher i publishes QoS 1 to {@code tern-bench/RUN/i}, to
 * which only subscriber i, a persistent session, subscribes. A broker keeps every message for a persistent session
 * before it acknowledges it (store.durability), so this measures what the store costs per message.
 *
 * <p>Sequence: subscribe all, connect all publishers, publish through warm-up and the measured interval, stop, drain
 * (every PUBACK, then every delivery), read the figures, disconnect, and end the persistent sessions so that they do
 * not pile up in a long-running broker.
 */
final class PairsScenario implements Scenario {

    @Override
    public RunResult run(LoadSettings settings, ClientLoops loops) throws InterruptedException {
        InetSocketAddress broker = new InetSocketAddress(settings.host(), settings.port());
        // Client ids and topics unique per run: a persistent session left by an earlier run is never resumed.
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Instant startedAt = Instant.now();
        List<Subscriber> subscribers = new ArrayList<>();
        List<Publisher> publishers = new ArrayList<>();
        List<ClientConnection> all = new ArrayList<>();
        for (int i = 0; i < settings.pairs(); i++) {
            subscribers.add(new Subscriber(settings.version(), "tb-" + run + "-s" + i, topic(run, i)));
            publishers.add(new Publisher(settings.version(), "tb-" + run + "-p" + i, topic(run, i), settings));
        }
        all.addAll(subscribers);
        all.addAll(publishers);
        try {
            // Subscribers first: a message published before its subscription exists would count as lost.
            Deadline connecting = Deadline.after(settings.connectTimeout());
            connecting.await(all(subscribers.stream().map(s -> s.connect(loops, broker))), "subscribing");
            connecting.await(all(publishers.stream().map(p -> p.connect(loops, broker))), "connecting publishers");

            // The measured interval is fixed now, before the first message, so each connection can place every event
            // in or out of it by its own clock reading.
            long start = System.nanoTime();
            long measureStart = start + settings.warmup().toNanos();
            MeasurementWindow window = new MeasurementWindow(
                    measureStart, measureStart + settings.duration().toNanos());
            connecting.await(all(subscribers.stream().map(s -> s.measure(window))), "starting");
            publishers.forEach(p -> p.start(start, window));

            Deadline.at(window.startNanos()).sleep();
            double brokerCpuStart = CpuTime.ofProcess(settings.brokerPid()).orElse(Double.NaN);
            double ownCpuStart = CpuTime.ofThisProcess().orElse(Double.NaN);
            Deadline.at(window.endNanos()).sleep();
            double brokerCpu = CpuTime.ofProcess(settings.brokerPid()).orElse(Double.NaN) - brokerCpuStart;
            double ownCpu = CpuTime.ofThisProcess().orElse(Double.NaN) - ownCpuStart;

            // Drain: bounded, and a timeout is not an error here: what did not arrive shows as unacknowledged or lost.
            Deadline draining = Deadline.after(settings.drainTimeout());
            draining.awaitQuietly(all(publishers.stream().map(Publisher::drained)));
            List<PublisherStats> sent = collect(publishers.stream().map(Publisher::stats));
            List<CompletableFuture<Void>> deliveries = new ArrayList<>();
            for (int i = 0; i < subscribers.size(); i++) {
                deliveries.add(subscribers.get(i).awaitAll(sent.get(i).published()));
            }
            draining.awaitQuietly(all(deliveries.stream()));
            List<SubscriberStats> received = collect(subscribers.stream().map(Subscriber::stats));
            return result(settings, loops, startedAt, sent, received, brokerCpu, ownCpu);
        } finally {
            closeAll(all, loops, broker, settings);
        }
    }

    static String topic(String run, int pair) {
        return "tern-bench/" + run + "/" + pair;
    }

    private static RunResult result(
            LoadSettings settings,
            ClientLoops loops,
            Instant startedAt,
            List<PublisherStats> sent,
            List<SubscriberStats> received,
            double brokerCpu,
            double ownCpu) {
        Histogram ack = new Histogram(3);
        Histogram endToEnd = new Histogram(3);
        long sentInWindow = 0, published = 0, acknowledged = 0, unacknowledged = 0, refused = 0, anomalies = 0;
        long receivedInWindow = 0, receivedTotal = 0, lost = 0, duplicates = 0;
        List<String> failures = new ArrayList<>();
        for (PublisherStats p : sent) {
            ack.add(p.ackLatencyNanos());
            sentInWindow += p.acknowledgedInWindow();
            published += p.published();
            acknowledged += p.acknowledged();
            unacknowledged += p.unacknowledged();
            refused += p.refused();
            anomalies += p.unexpectedAcks();
            if (p.failure() != null) {
                failures.add(p.failure());
            }
        }
        for (SubscriberStats s : received) {
            endToEnd.add(s.endToEndNanos());
            receivedInWindow += s.receivedInWindow();
            receivedTotal += s.received();
            lost += s.missing();
            duplicates += s.duplicates();
            anomalies += s.foreign();
            if (s.failure() != null) {
                failures.add(s.failure());
            }
        }
        return new RunResult(
                settings,
                loops.transportName(),
                startedAt,
                sentInWindow,
                receivedInWindow,
                published,
                acknowledged,
                receivedTotal,
                lost,
                duplicates,
                unacknowledged,
                refused,
                anomalies,
                LatencySummary.of(endToEnd),
                LatencySummary.of(ack),
                brokerCpu,
                ownCpu,
                failures);
    }

    /**
     * Disconnects everything, then ends the persistent sessions: a new connection with the same client id and a clean
     * session (3.x Clean Session 1; 5.0 Clean Start 1 with no expiry) makes the broker discard the stored one.
     */
    private static void closeAll(
            List<ClientConnection> all, ClientLoops loops, InetSocketAddress broker, LoadSettings settings)
            throws InterruptedException {
        Deadline closing = Deadline.after(settings.connectTimeout());
        closing.awaitQuietly(all(all.stream().map(ClientConnection::disconnect)));
        List<ClientConnection> cleaners = new ArrayList<>();
        for (ClientConnection connection : all) {
            if (connection instanceof Subscriber subscriber) {
                cleaners.add(new SessionEnder(settings.version(), subscriber.clientId()));
            }
        }
        closing.awaitQuietly(all(cleaners.stream().map(c -> c.connect(loops, broker))));
        closing.awaitQuietly(all(cleaners.stream().map(ClientConnection::disconnect)));
    }

    private static CompletableFuture<Void> all(java.util.stream.Stream<? extends CompletableFuture<?>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    private static <T> List<T> collect(java.util.stream.Stream<CompletableFuture<T>> futures) {
        return futures.map(CompletableFuture::join).map(Objects::requireNonNull).toList();
    }
}
