package dev.tern.server;

import dev.tern.server.config.ClientAuth;
import dev.tern.server.config.ConfigException;
import dev.tern.server.config.ListenerConfig;
import dev.tern.server.config.MqttConfig;
import dev.tern.server.config.TernConfig;
import dev.tern.server.config.TlsConfig;
import dev.tern.transport.CertificateField;
import dev.tern.transport.ChannelSetup;
import dev.tern.transport.ClientAuthMode;
import dev.tern.transport.EventLoops;
import dev.tern.transport.ListenerLayers;
import dev.tern.transport.ServerTls;
import dev.tern.transport.TcpListener;
import dev.tern.transport.TcpListenerSettings;
import dev.tern.transport.TlsProvider;
import dev.tern.transport.TlsSettings;
import dev.tern.transport.WebSocketSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The broker's listeners, from the configuration: {@code mqtt.tcp} always, then {@code mqtt.tls}, {@code mqtt.ws},
 * {@code mqtt.wss} when enabled, then each entry of {@code mqtt.listeners}. All bind, or none stays bound.
 */
final class Listeners {
    /** The names of the fixed listeners, in logs and in what access control sees. */
    static final String TCP = "mqtt-tcp";

    static final String TLS = "mqtt-tls";
    static final String WS = "mqtt-ws";
    static final String WSS = "mqtt-wss";

    /** One listener to start: its name, its keys' prefix (for messages), where it listens and its layers. */
    private record Plan(
            String keys,
            TcpListenerSettings settings,
            Kind kind,
            int maxConnections,
            boolean proxy,
            ClientAuth clientAuth,
            String path) {}

    private enum Kind {
        TCP,
        TLS,
        WS,
        WSS
    }

    private Listeners() {}

    /**
     * Binds every configured listener; {@code setup} gives the protocol's handlers for a listener of a given name.
     * Fails with a {@link ConfigException} for a TLS listener without {@code tls.cert_file}/{@code tls.key_file}, and
     * with a {@link StartException} when a port cannot be bound or a TLS file cannot be used.
     */
    static List<TcpListener> bind(TernConfig config, EventLoops loops, Function<String, ChannelSetup> setup)
            throws StartException {
        List<Plan> plans = plans(config.mqtt());
        Optional<TlsSettings> tls = plans.stream().anyMatch(plan -> plan.kind == Kind.TLS || plan.kind == Kind.WSS)
                ? Optional.of(tlsSettings(config.tls()))
                : Optional.empty();
        int maxFrameBytes = config.mqtt().maxPacketSize();
        List<TcpListener> bound = new ArrayList<>();
        try {
            for (Plan plan : plans) {
                ListenerLayers layers = layers(plan, tls, maxFrameBytes);
                try {
                    bound.add(TcpListener.bind(plan.settings, layers, loops, setup.apply(plan.settings.name())));
                } catch (IOException | RuntimeException e) {
                    layers.tls().ifPresent(ServerTls::close);
                    throw new StartException(ListenFailures.explain(e, plan.keys), e);
                }
            }
            return List.copyOf(bound);
        } catch (StartException | RuntimeException e) {
            bound.forEach(listener -> listener.stopAccepting(Duration.ofSeconds(2)));
            throw e;
        }
    }

    private static ListenerLayers layers(Plan plan, Optional<TlsSettings> tls, int maxFrameBytes)
            throws StartException {
        Optional<ServerTls> serverTls = Optional.empty();
        if (plan.kind == Kind.TLS || plan.kind == Kind.WSS) {
            try {
                serverTls = Optional.of(ServerTls.load(plan.settings.name(), tls.orElseThrow(), mode(plan.clientAuth)));
            } catch (IOException e) {
                throw new StartException(
                        "cannot start listener " + plan.settings.name() + ": " + e.getMessage()
                                + ". See docs/security.md for how to make the files.",
                        e);
            }
        }
        Optional<WebSocketSettings> webSocket = plan.kind == Kind.WS || plan.kind == Kind.WSS
                ? Optional.of(new WebSocketSettings(plan.path, maxFrameBytes))
                : Optional.empty();
        return new ListenerLayers(plan.proxy, serverTls, webSocket, plan.maxConnections);
    }

    private static List<Plan> plans(MqttConfig mqtt) {
        List<Plan> plans = new ArrayList<>();
        plans.add(new Plan(
                "mqtt.tcp",
                TcpListenerSettings.of(TCP, mqtt.tcp().bind(), mqtt.tcp().port()),
                Kind.TCP,
                mqtt.tcp().maxConnections(),
                mqtt.tcp().proxyProtocol(),
                ClientAuth.NONE,
                "/"));
        if (mqtt.tls().enabled()) {
            plans.add(new Plan(
                    "mqtt.tls",
                    TcpListenerSettings.of(TLS, mqtt.tls().bind(), mqtt.tls().port()),
                    Kind.TLS,
                    mqtt.tls().maxConnections(),
                    mqtt.tls().proxyProtocol(),
                    mqtt.tls().clientAuth(),
                    "/"));
        }
        if (mqtt.ws().enabled()) {
            plans.add(new Plan(
                    "mqtt.ws",
                    TcpListenerSettings.of(WS, mqtt.ws().bind(), mqtt.ws().port()),
                    Kind.WS,
                    mqtt.ws().maxConnections(),
                    mqtt.ws().proxyProtocol(),
                    ClientAuth.NONE,
                    mqtt.ws().path()));
        }
        if (mqtt.wss().enabled()) {
            plans.add(new Plan(
                    "mqtt.wss",
                    TcpListenerSettings.of(WSS, mqtt.wss().bind(), mqtt.wss().port()),
                    Kind.WSS,
                    mqtt.wss().maxConnections(),
                    mqtt.wss().proxyProtocol(),
                    mqtt.wss().clientAuth(),
                    mqtt.wss().path()));
        }
        for (ListenerConfig entry : mqtt.listeners()) {
            plans.add(new Plan(
                    "mqtt.listeners (" + entry.name() + ")",
                    TcpListenerSettings.of(entry.name(), entry.bind(), entry.port()),
                    switch (entry.type()) {
                        case TCP -> Kind.TCP;
                        case TLS -> Kind.TLS;
                        case WS -> Kind.WS;
                        case WSS -> Kind.WSS;
                    },
                    entry.maxConnections(),
                    entry.proxyProtocol(),
                    entry.clientAuth(),
                    entry.path()));
        }
        return plans;
    }

    private static TlsSettings tlsSettings(TlsConfig tls) {
        if (tls.certFile().isBlank() || tls.keyFile().isBlank()) {
            throw ConfigException.of("a TLS or secure WebSocket listener is enabled, but tls.cert_file and"
                    + " tls.key_file do not both name a file: set them to the server's certificate and key (PEM)."
                    + " docs/security.md shows how to make them.");
        }
        return new TlsSettings(
                Path.of(tls.certFile()).toAbsolutePath(),
                Path.of(tls.keyFile()).toAbsolutePath(),
                tls.caFile().isBlank()
                        ? Optional.empty()
                        : Optional.of(Path.of(tls.caFile()).toAbsolutePath()),
                switch (tls.provider()) {
                    case AUTO -> TlsProvider.AUTO;
                    case OPENSSL -> TlsProvider.OPENSSL;
                    case JDK -> TlsProvider.JDK;
                },
                Arrays.stream(tls.protocols().split(",")).map(String::strip).toList(),
                Duration.ofSeconds(tls.reloadInterval()),
                field(tls.usernameFrom()),
                field(tls.clientIdFrom()));
    }

    private static CertificateField field(TlsConfig.CertificateField field) {
        return switch (field) {
            case NONE -> CertificateField.NONE;
            case CN -> CertificateField.CN;
            case SAN -> CertificateField.SAN;
        };
    }

    private static ClientAuthMode mode(ClientAuth clientAuth) {
        return switch (clientAuth) {
            case NONE -> ClientAuthMode.NONE;
            case OPTIONAL -> ClientAuthMode.OPTIONAL;
            case REQUIRED -> ClientAuthMode.REQUIRED;
        };
    }

    /** {@code tls 0.0.0.0:8883}, {@code ws 0.0.0.0:8083/mqtt}: how the ready line and the log name a listener. */
    static String describe(TcpListener listener) {
        String path = listener.layers().webSocket().map(ws -> ws.path()).orElse("");
        return listener.scheme() + " " + TcpListener.hostAndPort(listener.bindAddress(), listener.port()) + path;
    }
}
