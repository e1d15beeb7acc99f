package dev.tern.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Qos;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.session.CloseReason;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.SessionHandle;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.Subscribe;
import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.topic.TopicFilter;
import dev.tern.core.session.AllowAll;
import dev.tern.core.session.ManualLoop;
import dev.tern.core.session.ManualScheduler;
import dev.tern.core.session.RecordingOutlet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BrokerCoreTest {

    private final ManualScheduler time = new ManualScheduler();
    private final ManualLoop loop = new ManualLoop();
    private final RecordingOutlet outlet = new RecordingOutlet(loop);

    private SessionHandle connect(BrokerCore core, String clientId) {
        AtomicReference<SessionHandle> handle = new AtomicReference<>();
        ClientInfo info = new ClientInfo(clientId, Optional.empty(), "127.0.0.1:1", "test", "test");
        core.connect(
                new SessionRequest(info, true, 0, 100, Optional.empty()),
                outlet,
                result -> handle.set(((ConnectResult.Connected) result).session()));
        loop.runAll();
        return handle.get();
    }

    @Test
    void sysTopicsArePublishedRetainedEveryIntervalWithMosquittosNames() {
        BrokerCore core = new BrokerCore(CoreSettings.defaults(), AllowAll.INSTANCE, time, time);
        core.start();
        SessionHandle session = connect(core, "watcher");

        session.subscribe(
                List.of(new Subscribe(TopicFilter.of("$SYS/#"), SubscriptionOptions.of(Qos.AT_MOST_ONCE))),
                results -> {});
        loop.runAll();

        assertThat(outlet.deliveries)
                .extracting(d -> d.message().topic().value())
                .contains(
                        "$SYS/broker/version",
                        "$SYS/broker/uptime",
                        "$SYS/broker/clients/connected",
                        "$SYS/broker/clients/total",
                        "$SYS/broker/messages/received",
                        "$SYS/broker/messages/sent",
                        "$SYS/broker/limits/exceeded",
                        "$SYS/broker/limits/receive_maximum",
                        "$SYS/broker/bytes/received",
                        "$SYS/broker/bytes/sent",
                        "$SYS/broker/subscriptions/count",
                        "$SYS/broker/retained messages/count",
                        "$SYS/broker/load/messages/received/1min");
        outlet.deliveries.clear();

        time.advanceMillis(10_000);
        loop.runAll();

        assertThat(outlet.deliveries)
                .filteredOn(d -> d.message().topic().value().equals("$SYS/broker/clients/connected"))
                .singleElement()
                .satisfies(d -> assertThat(new String(d.message().payload().sharedArray()))
                        .isEqualTo("1"));
    }

    @Test
    void aSysIntervalOfZeroPublishesNothing() {
        CoreSettings defaults = CoreSettings.defaults();
        CoreSettings off = new CoreSettings(
                defaults.maxConnections(),
                defaults.maxInflight(),
                defaults.maxQueuedMessages(),
                defaults.maxQueuedBytes(),
                defaults.queueOverflow(),
                defaults.queueQos0Offline(),
                defaults.maxSessionExpirySeconds(),
                defaults.maxSubscriptionsPerClient(),
                defaults.maxTopicLevels(),
                defaults.maxTopicLength(),
                defaults.maximumQos(),
                defaults.retainAvailable(),
                defaults.wildcardSubscriptionsAvailable(),
                defaults.sharedSubscriptionsAvailable(),
                defaults.subscriptionIdentifiersAvailable(),
                0,
                defaults.version());
        BrokerCore core = new BrokerCore(off, AllowAll.INSTANCE, time, time);
        core.start();
        SessionHandle session = connect(core, "watcher");

        session.subscribe(
                List.of(new Subscribe(TopicFilter.of("$SYS/#"), SubscriptionOptions.of(Qos.AT_MOST_ONCE))),
                results -> {});
        time.advanceMillis(60_000);
        loop.runAll();

        assertThat(outlet.deliveries).isEmpty();
    }

    @Test
    void shutdownClosesConnectionsSayingTheServerIsShuttingDown() {
        BrokerCore core = new BrokerCore(CoreSettings.defaults(), AllowAll.INSTANCE, time, time);
        connect(core, "client");

        core.shutdown();
        loop.runAll();

        assertThat(outlet.closes).containsExactly(CloseReason.SERVER_SHUTTING_DOWN);
    }
}
