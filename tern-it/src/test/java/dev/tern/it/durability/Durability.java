package dev.tern.it.durability;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the durability tests share: the broker's settings and the HiveMQ clients, set up the same way everywhere. */
final class Durability {
    static final String HOST = "127.0.0.1";

    /** How long one expected event may take on a loaded two-core machine (a broker restart included). */
    static final Duration WAIT = Duration.ofSeconds(30);

    /** A session that outlives every test: the sessions must end only if the broker forgets them. */
    static final long SESSION_EXPIRY_SECONDS = 3600;

    /**
     * {@code -Dtern.crash.durability=memory} (or {@code batch}, {@code sync}) sets {@code store.durability}; unset,
     * the broker's default ({@code sync}) applies, and no key is passed, so that a broker from before the store can run
     * the tests too (and fail them: that proves they can).
     */
    static final String DURABILITY_PROPERTY = "tern.crash.durability";

    private Durability() {}

    /** The settings of every broker process of these tests, after {@code BrokerProcess}'s own. */
    static Map<String, String> brokerSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sys.interval", "0"); // no $SYS traffic: nothing but the test's messages
        // An offline subscriber's queue holds all a long crash run sends: the default bound (1000) would drop the rest,
        // as it should, and that would read as loss.
        settings.put("mqtt.max_queued_messages", "1000000");
        String durability = System.getProperty(DURABILITY_PROPERTY);
        if (durability != null && !durability.isBlank()) {
            settings.put("store.durability", durability.strip());
        }
        return settings;
    }

    /** The durability under test, for the log. */
    static String durabilityDescription() {
        String durability = System.getProperty(DURABILITY_PROPERTY);
        return durability == null || durability.isBlank() ? "the broker's default (sync)" : durability.strip();
    }

    /** A HiveMQ MQTT 5 client for the broker on {@code port}; no automatic reconnect. */
    static Mqtt5ClientBuilder client(int port, String clientId) {
        return MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(HOST)
                .serverPort(port);
    }

    /**
     * A HiveMQ MQTT 5 client that reconnects by itself whenever its connection drops (the broker is restarted on the
     * same port, so the same address works), quickly, so that it is back soon after the broker. It reconnects with
     * the same CONNECT, so a persistent client resumes its session, and keeps its own session state (the QoS 1 and 2
     * flows in progress) across the reconnect.
     */
    static Mqtt5ClientBuilder reconnecting(int port, String clientId) {
        return client(port, clientId)
                .automaticReconnect()
                .initialDelay(50, TimeUnit.MILLISECONDS)
                .maxDelay(500, TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect();
    }
}
