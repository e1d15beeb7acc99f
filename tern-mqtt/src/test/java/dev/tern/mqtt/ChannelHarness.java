package dev.tern.mqtt;

import dev.tern.api.session.CloseReason;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DeliveryOutcome;
import dev.tern.api.session.Outlet;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * One {@link MqttChannel} wired to fakes: a broker that opens {@link FakeSession}s, scripted access control, a manual
 * clock and a fixed random sequence. Actions that calls return are returned; actions the channel emits later (core
 * callbacks) collect in {@link #later}.
 */
final class ChannelHarness {
    static final long START_MILLIS = 1_700_000_000_000L;

    final ManualClock clock = new ManualClock(START_MILLIS);
    final FakeBroker broker = new FakeBroker();
    final FakeAccessControl accessControl = new FakeAccessControl();
    final RecordingTraffic traffic = new RecordingTraffic();
    final List<Action> later = new ArrayList<>();
    /** Actions of calls made through the outlet the broker was given. */
    final List<Action> outletActions = new ArrayList<>();

    final MqttSettings settings;
    Peer peer = new Peer("127.0.0.1:50000", true);
    final MqttChannel channel;

    ChannelHarness(MqttSettings settings) {
        this.settings = settings;
        ChannelEnvironment env = new ChannelEnvironment(
                settings, broker, accessControl, traffic, clock, new FixedRandom(), "test-listener");
        this.channel = new MqttChannel(env, () -> peer, new TestOutlet(), later::addAll);
    }

    ChannelHarness() {
        this(MqttSettings.defaults());
    }

    List<Action> in(MqttPacket packet) {
        return channel.handleIn(packet);
    }

    /** Connects with a plain CONNECT of {@code version} and returns the connect's actions. */
    List<Action> connect(MqttVersion version) {
        return in(Packets.connect(version, "client-1"));
    }

    FakeSession session() {
        return broker.session();
    }

    /** Settings with one record component changed, for tests of limits and switched-off features. */
    static MqttSettings settings(
            int receiveMaximum,
            int topicAliasMaximum,
            int maxKeepAlive,
            dev.tern.api.message.Qos maximumQos,
            boolean retain,
            boolean wildcards,
            boolean shared,
            boolean subscriptionIds,
            boolean outboundAliases) {
        MqttSettings d = MqttSettings.defaults();
        return new MqttSettings(
                receiveMaximum,
                topicAliasMaximum,
                d.maxPacketSize(),
                maxKeepAlive,
                d.connectTimeoutSeconds(),
                d.maxClientIdLength(),
                maximumQos,
                retain,
                wildcards,
                shared,
                subscriptionIds,
                outboundAliases);
    }

    /** Always the same "random" numbers, so that assigned client identifiers are known. */
    static final class FixedRandom implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0x0123_4567_89AB_CDEFL;
        }
    }

    private final class TestOutlet implements Outlet {
        @Override
        public Executor executor() {
            return Runnable::run;
        }

        @Override
        public DeliveryOutcome deliver(Delivery delivery) {
            MqttChannel.Delivered delivered = channel.deliver(delivery);
            outletActions.addAll(delivered.actions());
            return delivered.outcome();
        }

        @Override
        public void resendRelease(int packetId) {
            outletActions.addAll(channel.resendRelease(packetId));
        }

        @Override
        public void flush() {
            outletActions.addAll(channel.flush());
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void close(CloseReason reason) {
            outletActions.addAll(channel.close(reason));
        }
    }
}
