package dev.tern.testkit;

import dev.tern.server.StartException;
import dev.tern.server.TernServer;
import dev.tern.server.config.ConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The broker in the test's own JVM, on an ephemeral port of 127.0.0.1 with a temporary data directory: the fastest way
 * to run real clients against the real server. Settings are configuration keys, as with {@code --set}
 * (docs/configuration.md); they apply after the test defaults. Closing it stops the broker and deletes its data.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final TernServer server;
    private final Path dataDir;

    private EmbeddedBroker(TernServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** A broker with the defaults (and the test's port, address and data directory). */
    public static EmbeddedBroker start() {
        return start(Map.of());
    }

    /** A broker with these settings, such as {@code Map.of("mqtt.max_inflight", "5")}. */
    public static EmbeddedBroker start(Map<String, String> settings) {
        return start(Optional.empty(), settings);
    }

    /**
     * A broker with a configuration file (for what only a file can say, such as the {@code mqtt.listeners} list) and
     * then these settings.
     */
    public static EmbeddedBroker start(Path configFile, Map<String, String> settings) {
        return start(Optional.of(configFile), settings);
    }

    private static EmbeddedBroker start(Optional<Path> configFile, Map<String, String> settings) {
        Path dataDir = TestFiles.temporaryDirectory("tern-embedded-data");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("mqtt.tcp.port", "0");
        all.put("mqtt.tcp.bind", "127.0.0.1");
        all.put("data.dir", dataDir.toString());
        all.putAll(settings);
        try {
            return new EmbeddedBroker(TernServer.start(ConfigLoader.load(configFile, all)), dataDir);
        } catch (StartException | RuntimeException e) {
            TestFiles.deleteRecursively(dataDir);
            throw new IllegalStateException("the embedded broker did not start: " + e.getMessage(), e);
        }
    }

    /** The address clients connect to. */
    public String host() {
        return server.mqttConnectHost();
    }

    public int port() {
        return server.mqttPort();
    }

    /**
     * The real port of the listener named {@code listenerName} ({@code mqtt-tls}, {@code mqtt-ws}, {@code mqtt-wss} or
     * an entry of {@code mqtt.listeners}), for listeners configured on port 0.
     */
    public int port(String listenerName) {
        return server.port(listenerName);
    }

    public Path dataDir() {
        return server.dataDir();
    }

    /** The running server, for what the accessors above do not cover. */
    public TernServer server() {
        return server;
    }

    /** Stops the broker (disconnecting its clients) and deletes its data directory. */
    @Override
    public void close() {
        server.close();
        TestFiles.deleteRecursively(dataDir);
    }
}
