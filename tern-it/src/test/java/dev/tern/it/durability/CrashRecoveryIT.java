package dev.tern.it.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import dev.tern.it.durability.NumberedPublisher.Topic;
import dev.tern.testkit.BrokerProcess;
import dev.tern.testkit.FreePort;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's promise under fire: a QoS 1/2 message the broker acknowledged (PUBACK, PUBREC) for a persistent session is
 * delivered after any crash of the broker process. A broker process with a fixed data directory and port is killed
 * with SIGKILL at a random moment of busy traffic, restarted on the same directory and port, again and again; then
 * every subscriber must have every acknowledged message: QoS 1 at least once, QoS 2 exactly once (no QoS 2 message,
 * acknowledged or not, twice), and per topic in publish order.
 *
 * <p>The traffic: two publishers, each with topics of its own (two QoS 1, two QoS 2), send numbered messages as fast as
 * a window of 16 unacknowledged ones allows, and keep going across the restarts. One resumes a persistent session (its
 * client sends its unacknowledged publications again after the restart, so the broker's stored QoS 2 packet
 * identifiers are what keeps those exactly once), the other starts clean every time (its unacknowledged publications
 * fail and it goes on with the next numbers). Three persistent subscribers of {@code crash/#} at QoS 2, each one client
 * object throughout (its QoS 2 state lives across reconnects): "online" reconnects after every restart, "flapping"
 * goes offline and online once a cycle, "offline" subscribes at the start and connects again only at the end, to
 * drain its queue. Each cycle kills the broker after a random number of acknowledgements (from a seeded Random whose
 * seed is printed): a random moment, wherever the traffic happens to be.
 *
 * <p>Run as part of {@code ./tern test} with 3 cycles. The long run, 20 cycles (after {@code mvn -B -o -pl tern-cli
 * -am install -DskipTests}, which builds tern.jar and installs what tern-it depends on):
 *
 * <pre>
 * mvn -B -o -pl tern-it verify -Dit.test=CrashRecoveryIT -Dtern.crash.cycles=20 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>{@code -Dtern.crash.seed=N} replays the kill moments of a printed seed (the timing of the traffic still varies);
 * {@code -Dtern.crash.durability=memory} runs it against a broker that stores nothing, which must fail it, with
 * {@code batch} against the batched mode, which must pass it (a process crash loses nothing there). On failure the
 * message names the seed, what was lost or duplicated, the broker logs (under {@code target/test-processes}) and the
 * data directory, which is then kept.
 */
class CrashRecoveryIT {
    private static final int DEFAULT_CYCLES = 3;
    private static final String FILTER = "crash/#";
    private static final int WINDOW = 16;

    /** Acknowledgements before the kill: a random count in this range each cycle. */
    private static final int MIN_KILL_AFTER = 150;

    private static final int MAX_KILL_AFTER = 1200;

    /** After the last restart: acknowledgements that show the publishers got going again. */
    private static final int FINAL_RUN = 100;

    /** For the publishers to reach the next kill (a restart of the broker, and of the clients, included). */
    private static final Duration PROGRESS = Duration.ofSeconds(60);

    /** For the subscribers to drain their queues at the end: the offline one has thousands waiting after 20 cycles. */
    private static final Duration DRAIN = Duration.ofSeconds(90);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private BrokerProcess broker;
    private final List<Path> brokerLogs = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        for (AutoCloseable client : clients.reversed()) {
            try {
                client.close();
            } catch (Exception e) {
                // the broker may be gone already: nothing to clean up
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyAcknowledgedMessageReachesEveryPersistentSubscriberAfterRepeatedKill9sQos2ExactlyOnceAndInOrder()
            throws Exception {
        int cycles = Integer.getInteger("tern.crash.cycles", DEFAULT_CYCLES);
        long seed = Long.getLong("tern.crash.seed", new SecureRandom().nextLong());
        Random random = new Random(seed);
        int port = FreePort.loopback();
        Path data = dir.resolve("data");
        Map<String, String> settings = Durability.brokerSettings();
        Supplier<String> context = () -> "seed " + seed + " (rerun with -Dtern.crash.seed=" + seed
                + "), data directory " + data + " (kept), broker logs " + brokerLogs;
        System.out.printf(
                "CrashRecoveryIT: %d cycles, seed %d, store durability %s, port %d, data %s%n",
                cycles, seed, Durability.durabilityDescription(), port, data);

        broker = start(data, port, settings);
        AtomicInteger cycle = new AtomicInteger(1);
        Ledger ledger = new Ledger();
        RecordingSubscriber online = closeAfter(RecordingSubscriber.reconnecting("online", port));
        RecordingSubscriber flapping = closeAfter(RecordingSubscriber.reconnecting("flapping", port));
        RecordingSubscriber offline = closeAfter(RecordingSubscriber.manual("offline", port));
        List<RecordingSubscriber> subscribers = List.of(online, flapping, offline);
        for (RecordingSubscriber subscriber : subscribers) {
            subscriber.connect();
            subscriber.subscribe(FILTER);
        }
        offline.disconnect();
        List<NumberedPublisher> publishers = List.of(
                closeAfter(publisher("resuming", port, true, ledger, cycle::get)),
                closeAfter(publisher("fresh", port, false, ledger, cycle::get)));
        publishers.forEach(NumberedPublisher::start);

        for (int c = 1; c <= cycles; c++) {
            cycle.set(c);
            long start = System.nanoTime();
            long before = ledger.acknowledgedCount();
            int killAfter = MIN_KILL_AFTER + random.nextInt(MAX_KILL_AFTER - MIN_KILL_AFTER + 1);
            int flapAfter = random.nextInt(killAfter);
            awaitAcknowledged(ledger, before + flapAfter, context);
            String flapped = flapping.toggle();
            awaitAcknowledged(ledger, before + killAfter, context);
            int status = broker.kill9();
            long acknowledged = ledger.acknowledgedCount() - before;
            assertThat(status)
                    .as("the broker ran until kill -9 (%s)", broker.log())
                    .isEqualTo(BrokerProcess.KILLED_BY_SIGKILL);
            System.out.printf(
                    "CrashRecoveryIT cycle %d/%d: kill -9 after %d acknowledgements (%d by the kill), %.1f s after the"
                            + " start; flapping subscriber %s after %d; %d received by online so far%n",
                    c,
                    cycles,
                    killAfter,
                    acknowledged,
                    seconds(System.nanoTime() - start),
                    flapped,
                    flapAfter,
                    online.receiptCount());
            broker = start(data, port, settings);
        }

        cycle.set(cycles + 1);
        awaitAcknowledged(ledger, ledger.acknowledgedCount() + FINAL_RUN, context);
        for (NumberedPublisher publisher : publishers) {
            publisher.stop();
        }
        List<String> notes = new ArrayList<>();
        try {
            await("every publication settles")
                    .atMost(Durability.WAIT)
                    .until(() -> publishers.stream().allMatch(NumberedPublisher::isSettled));
        } catch (ConditionTimeoutException e) {
            publishers.forEach(p -> notes.add(p.name() + " still had " + p.inFlight() + " publications in flight"));
        }
        List<String> topics = new ArrayList<>();
        for (NumberedPublisher publisher : publishers) {
            publisher.publishEndMarkers(Durability.WAIT);
            publisher.topics().forEach(topic -> topics.add(topic.name()));
        }
        offline.connect();
        if (!flapping.isConnected()) {
            flapping.toggle();
        }
        try {
            // Each end marker is queued behind every message before it on its topic: once all have arrived, nothing
            // the broker kept is still on its way. A subscriber whose session the broker lost gets none of them.
            await("every subscriber drains its queue")
                    .atMost(DRAIN)
                    .until(() -> subscribers.stream().allMatch(s -> s.hasEndMarkers(topics) || lostItsSession(s)));
        } catch (ConditionTimeoutException e) {
            subscribers.stream()
                    .filter(s -> !s.hasEndMarkers(topics))
                    .forEach(s -> notes.add(
                            s.name() + " got the end markers of " + s.endMarkers() + " only, within " + DRAIN));
        }

        DeliveryReport report = new DeliveryReport(ledger);
        subscribers.forEach(subscriber -> report.add(subscriber.name(), subscriber.receipts()));
        System.out.printf(
                "CrashRecoveryIT: %d kill -9 cycles, seed %d; per cycle of publication (rcvd = distinct messages"
                        + " received, dup1/dup2 = extra receipts of QoS 1/QoS 2 messages, lost = acknowledged but"
                        + " never received):%n%s",
                cycles, seed, report.table(cycles));
        System.out.println("CrashRecoveryIT: not acknowledged, by cause: " + ledger.failures());

        List<String> problems = new ArrayList<>(report.problems());
        for (RecordingSubscriber subscriber : subscribers) {
            System.out.println("CrashRecoveryIT: " + subscriber.name() + " session present at each CONNACK: "
                    + subscriber.sessionPresent());
            if (lostItsSession(subscriber)) {
                problems.add(subscriber.name() + " found no session at a reconnect (CONNACK session present: "
                        + subscriber.sessionPresent() + ")");
            }
            subscriber.strays().forEach(stray -> problems.add(subscriber.name() + " received a stray: " + stray));
        }
        problems.addAll(notes);
        if (!problems.isEmpty()) {
            fail("after %d kill -9 cycles:%n  %s%n%s", cycles, String.join("\n  ", problems), context.get());
        }
    }

    private BrokerProcess start(Path data, int port, Map<String, String> settings) {
        long start = System.nanoTime();
        BrokerProcess started = BrokerProcess.startIn(data, port, settings);
        brokerLogs.add(started.log());
        System.out.printf(
                "CrashRecoveryIT: broker pid %d ready in %.1f s, log %s%n",
                started.pid(), seconds(System.nanoTime() - start), started.log());
        return started;
    }

    /** The first connection makes the session; a broker that kept what it promised has it at every later one. */
    private static boolean lostItsSession(RecordingSubscriber subscriber) {
        List<Boolean> present = subscriber.sessionPresent();
        return present.subList(Math.min(1, present.size()), present.size()).contains(false);
    }

    private static NumberedPublisher publisher(
            String role, int port, boolean persistent, Ledger ledger, IntSupplier cycle) throws Exception {
        String prefix = "crash/" + role + "/";
        List<Topic> topics = List.of(
                new Topic(prefix + "qos1/a", MqttQos.AT_LEAST_ONCE),
                new Topic(prefix + "qos2/a", MqttQos.EXACTLY_ONCE),
                new Topic(prefix + "qos1/b", MqttQos.AT_LEAST_ONCE),
                new Topic(prefix + "qos2/b", MqttQos.EXACTLY_ONCE));
        NumberedPublisher publisher = new NumberedPublisher(
                "publisher-" + role, Durability.reconnecting(port, "publisher-" + role), topics, WINDOW, ledger, cycle);
        publisher.connect(persistent);
        return publisher;
    }

    private static void awaitAcknowledged(Ledger ledger, long count, Supplier<String> context) throws Exception {
        try {
            ledger.whenAcknowledged(count).get(PROGRESS.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail(
                    "the publishers stalled: %d acknowledgements after %s, waiting for %d; not acknowledged, by"
                            + " cause: %s; %s",
                    ledger.acknowledgedCount(), PROGRESS, count, ledger.failures(), context.get());
        }
    }

    private <T extends AutoCloseable> T closeAfter(T client) {
        clients.add(client);
        return client;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
