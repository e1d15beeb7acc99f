package dev.tern.server;

import dev.tern.api.store.SessionStore;
import dev.tern.auth.TernAccessControl;
import dev.tern.core.BrokerCore;
import dev.tern.core.CoreSettings;
import dev.tern.core.session.Sessions;
import dev.tern.mqtt.MqttPipeline;
import dev.tern.mqtt.MqttSettings;
import dev.tern.server.config.ConfigException;
import dev.tern.server.config.SettingsMapping;
import dev.tern.server.config.TernConfig;
import dev.tern.transport.EventLoops;
import dev.tern.transport.TcpListener;
import io.netty.channel.group.ChannelGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running broker: the composition root. It wires the core, access control, the MQTT channel and the TCP listener
 * by hand, in dependency order, and stops them in reverse: stop accepting, disconnect every client ("server shutting
 * down"), give the connections a bounded moment to flush, stop the network threads and the timers.
 */
public final class TernServer implements AutoCloseable {
    /** The name of the MQTT TCP listener in logs and in what access control sees. */
    public static final String MQTT_TCP = Listeners.TCP;

    /** The names of the TLS, WebSocket and secure WebSocket listeners ({@code mqtt.tls}, {@code mqtt.ws}, ...). */
    public static final String MQTT_TLS = Listeners.TLS;

    public static final String MQTT_WS = Listeners.WS;
    public static final String MQTT_WSS = Listeners.WSS;

    /** How long connections get to flush their DISCONNECT and close before they are cut. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(TernServer.class);

    private final String version;
    private final Path dataDir;
    private final ExecutorScheduler timer;
    private final BrokerCore core;
    private final SessionStore store;
    private final EventLoops loops;
    private final TcpListener mqttTcp;
    private final List<TcpListener> listeners;
    private boolean stopped;

    private TernServer(
            String version,
            Path dataDir,
            ExecutorScheduler timer,
            BrokerCore core,
            SessionStore store,
            EventLoops loops,
            List<TcpListener> listeners) {
        this.version = version;
        this.dataDir = dataDir;
        this.timer = timer;
        this.core = core;
        this.store = store;
        this.loops = loops;
        this.mqttTcp = listeners.getFirst();
        this.listeners = listeners;
    }

    /**
     * Starts a broker with {@code config}; returns once it accepts connections. Fails with a {@link ConfigException}
     * when the configuration cannot work, and with a {@link StartException} when the machine will not let it start.
     */
    public static TernServer start(TernConfig config) throws StartException {
        String version = TernVersion.current();
        Path dataDir = DataDirectory.prepare(config.data().dir());
        CoreSettings coreSettings;
        MqttSettings mqttSettings;
        try {
            coreSettings = SettingsMapping.coreSettings(config, version);
            mqttSettings = SettingsMapping.mqttSettings(config);
        } catch (IllegalArgumentException e) {
            // The modules' own checks, should they be stricter than the configuration's.
            throw ConfigException.of("invalid configuration: " + e.getMessage());
        }
        TernAccessControl accessControl = AccessPolicy.start(config.auth());

        SessionStore store = Stores.open(config.store(), dataDir);
        ExecutorScheduler timer = new ExecutorScheduler("tern-timer");
        AccessPolicy.keepFresh(accessControl, config.auth(), timer);
        BrokerCore core = new BrokerCore(coreSettings, accessControl, InstantSource.system(), timer, store);
        Sessions.RestoreSummary restored = core.restore(store.load());
        log.info(
                "store: {}; restored {} sessions, {} queued messages, {} retained messages",
                Stores.describe(config.store(), dataDir),
                restored.sessions(),
                restored.deliveries(),
                restored.retainedMessages());
        core.start();
        EventLoops loops = EventLoops.start(Runtime.getRuntime().availableProcessors());
        List<TcpListener> listeners;
        try {
            listeners = Listeners.bind(
                    config,
                    loops,
                    name -> channel -> MqttPipeline.install(
                            channel.pipeline(), mqttSettings, core, accessControl, core.traffic(), name));
        } catch (StartException | RuntimeException e) {
            core.shutdown();
            loops.shutdown(Duration.ofSeconds(2));
            timer.close();
            store.close();
            throw e;
        }
        TernServer server = new TernServer(version, dataDir, timer, core, store, loops, listeners);
        log.info(
                "Tern {} started: {} ({} network threads on {}), $SYS {}",
                version,
                listeners.stream()
                        .map(listener -> "listener " + listener.name() + " on " + Listeners.describe(listener)
                                + listener.layers()
                                        .tls()
                                        .map(tls -> " (TLS by " + tls.providerName() + ")")
                                        .orElse(""))
                        .collect(Collectors.joining(", ")),
                loops.threads(),
                loops.transportName(),
                coreSettings.sysIntervalSeconds() == 0
                        ? "off (sys.interval=0)"
                        : "every " + coreSettings.sysIntervalSeconds() + "s");
        log.info(accessControl.describe());
        return server;
    }

    /** The port the MQTT TCP listener is bound to (the real one when {@code mqtt.tcp.port} was 0). */
    public int mqttPort() {
        return mqttTcp.port();
    }

    /**
     * The port the listener named {@code listenerName} is bound to (the real one when configured as 0), such as {@link
     * #MQTT_TLS} or the name of an entry of {@code mqtt.listeners}. Fails for a listener that is not running.
     */
    public int port(String listenerName) {
        return listeners.stream()
                .filter(listener -> listener.name().equals(listenerName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no listener named '" + listenerName + "' is running;" + " running: "
                                + listeners.stream().map(TcpListener::name).toList()))
                .port();
    }

    /** The running listeners, {@code mqtt-tcp} first, then in the order of docs/configuration.md. */
    public List<TcpListener> listeners() {
        return listeners;
    }

    /** The address the MQTT TCP listener is bound to, as configured ({@code 0.0.0.0} by default). */
    public String mqttBindAddress() {
        return mqttTcp.bindAddress();
    }

    /** Where a client on this machine connects to reach the MQTT TCP listener (loopback for a wildcard bind). */
    public String mqttConnectHost() {
        return connectHost(mqttBindAddress());
    }

    /** The absolute data directory. */
    public Path dataDir() {
        return dataDir;
    }

    public String version() {
        return version;
    }

    /** Clients connected right now. */
    public int connectedClients() {
        return core.connectedClients();
    }

    /**
     * One line that says what the broker listens on and how to connect, printed on standard output when it is ready.
     * Scripts and tests read the port from it (it is the real port when {@code mqtt.tcp.port} is 0); its shape is
     * documented in docs/operations.md: {@code Tern VERSION ready: MQTT on tcp HOST:PORT (data in DIR). Try: ...}.
     * Other listeners follow the data directory, each as {@code SCHEME HOST:PORT[PATH] (NAME)}: {@code ...(data in
     * DIR); also tls 0.0.0.0:8883 (mqtt-tls), ws 0.0.0.0:8083/mqtt (mqtt-ws). Try: ...}.
     */
    public String readyLine() {
        int port = mqttPort();
        String others = listeners.stream()
                .skip(1)
                .map(listener -> Listeners.describe(listener) + " (" + listener.name() + ")")
                .collect(Collectors.joining(", "));
        return "Tern " + version + " ready: MQTT on tcp " + TcpListener.hostAndPort(mqttBindAddress(), port)
                + " (data in " + dataDir + ")" + (others.isEmpty() ? "" : "; also " + others)
                + ". Try: mosquitto_sub -h "
                + mqttConnectHost() + " -p " + port + " -t '#' -v";
    }

    /** Where a client on this machine connects to reach a listener bound to {@code bind}. */
    static String connectHost(String bind) {
        return switch (bind) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "::0", "0:0:0:0:0:0:0:0" -> "::1";
            default -> bind;
        };
    }

    /**
     * Stops the broker; safe to call more than once and from several threads (later calls wait for the first). Takes
     * at most a few seconds: connections that do not close within {@link #DRAIN_TIMEOUT} are cut.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("Stopping: no new connections; disconnecting clients ({} connected)", core.connectedClients());
        listeners.forEach(listener -> listener.stopAccepting(Duration.ofSeconds(2)));
        core.shutdown(); // each session closes its connection on its own thread, with DISCONNECT 0x8B for MQTT 5
        long drainUntil = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        for (TcpListener listener : listeners) {
            ChannelGroup connections = listener.connections();
            long left = Math.max(0, (drainUntil - System.nanoTime()) / 1_000_000);
            if (!connections.newCloseFuture().awaitUninterruptibly(left)) {
                log.warn(
                        "{} connections of {} still open after {}s; closing them",
                        connections.size(),
                        listener.name(),
                        DRAIN_TIMEOUT.toSeconds());
                connections.close().awaitUninterruptibly(1_000);
            }
        }
        if (!loops.shutdown(Duration.ofSeconds(2))) {
            log.warn("network threads did not stop within 2s");
        }
        timer.stop(Duration.ofSeconds(1));
        store.close(); // last: what the sessions journalled while closing is written and synced
        log.info("Tern stopped");
    }
}
