package dev.tern.core.session;

import dev.tern.api.message.Message;
import dev.tern.api.message.MessageProperties;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.SessionHandle;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.Subscribe;
import dev.tern.api.session.SubscribeResult;
import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.session.Will;
import dev.tern.api.store.SessionStore;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import dev.tern.core.CoreSettings;
import dev.tern.core.sys.Counters;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Sessions wired to a manual clock and scheduler, with helpers that read like the behaviour under test. */
final class CoreFixture {

    final ManualScheduler time;
    final Counters counters = new Counters();
    final Sessions sessions;
    private final List<ManualLoop> loops = new java.util.ArrayList<>();

    CoreFixture() {
        this(CoreSettings.defaults());
    }

    CoreFixture(CoreSettings settings) {
        this(settings, SessionStore.NONE, new ManualScheduler());
    }

    /** A broker on {@code store}, with {@code time} carried over from a broker that ran before on the same store. */
    CoreFixture(CoreSettings settings, SessionStore store, ManualScheduler time) {
        this.time = time;
        sessions = new Sessions(settings, AllowAll.INSTANCE, time, time, counters, store);
    }

    /** A connected client: its loop, its outlet and its session handle. */
    /** Runs every client's loop until all are idle, as real event loops would. */
    void settle() {
        boolean ran = true;
        while (ran) {
            ran = false;
            for (ManualLoop loop : loops) {
                ran |= loop.runAll();
            }
            ran |= time.runDue(); // restored sessions run on the timer until a client connects
        }
    }

    final class Client {
        final ManualLoop loop = newLoop();
        final RecordingOutlet outlet = new RecordingOutlet(loop, counters);
        SessionHandle session;
        boolean sessionPresent;
        ConnectResult result;

        List<SubscribeResult> subscribe(String filter, Qos qos) {
            return subscribe(filter, SubscriptionOptions.of(qos));
        }

        List<SubscribeResult> subscribe(String filter, SubscriptionOptions options) {
            AtomicReference<List<SubscribeResult>> results = new AtomicReference<>();
            session.subscribe(List.of(new Subscribe(TopicFilter.parse(filter), options)), results::set);
            settle();
            return results.get();
        }

        PublishOutcome publish(String topic, String payload, Qos qos, boolean retain) {
            AtomicReference<PublishOutcome> outcome = new AtomicReference<>();
            session.publish(message(topic, payload, qos, retain), outcome::set);
            return outcome.get();
        }

        /** PUBREC for a QoS 2 delivery: whether the session knew the identifier. */
        Boolean pubrec(int packetId) {
            AtomicReference<Boolean> known = new AtomicReference<>();
            session.received(packetId, known::set);
            settle();
            return known.get();
        }

        /** PUBREL for an inbound QoS 2 message: whether the identifier was held. */
        Boolean pubrel(int packetId) {
            AtomicReference<Boolean> held = new AtomicReference<>();
            session.releaseExactlyOnce(packetId, held::set);
            settle();
            return held.get();
        }

        List<String> received() {
            settle();
            return outlet.payloads();
        }
    }

    private ManualLoop newLoop() {
        ManualLoop loop = new ManualLoop();
        loops.add(loop);
        return loop;
    }

    Client connect(String clientId, boolean cleanStart, long expirySeconds) {
        return connect(clientId, cleanStart, expirySeconds, 65_535, Optional.empty());
    }

    Client connect(String clientId, boolean cleanStart, long expirySeconds, int receiveMaximum, Optional<Will> will) {
        Client client = new Client();
        ClientInfo info = new ClientInfo(clientId, Optional.empty(), "127.0.0.1:1", "test", "test");
        sessions.connect(
                new SessionRequest(info, cleanStart, expirySeconds, receiveMaximum, will), client.outlet, result -> {
                    client.result = result;
                    if (result instanceof ConnectResult.Connected connected) {
                        client.session = connected.session();
                        client.sessionPresent = connected.sessionPresent();
                    }
                });
        settle();
        return client;
    }

    Message message(String topic, String payload, Qos qos, boolean retain) {
        return new Message(
                new TopicName(topic),
                Payload.utf8(payload),
                qos,
                retain,
                MessageProperties.NONE,
                "",
                time.millis(),
                Message.NEVER_EXPIRES);
    }

    PublishOutcome publish(String topic, String payload, Qos qos, boolean retain) {
        AtomicReference<PublishOutcome> outcome = new AtomicReference<>();
        sessions.publish(message(topic, payload, qos, retain), outcome::set);
        return outcome.get();
    }
}
