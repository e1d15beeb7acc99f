package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.hiveMq3Blocking;
import static dev.tern.it.interop.Interop.hiveMq5Blocking;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** The HiveMQ clients a test opened, disconnected after it whatever happened (close it in {@code @AfterEach}). */
final class HiveMqClients implements AutoCloseable {
    private final IntSupplier port;
    private final List<Runnable> disconnects = new ArrayList<>();

    HiveMqClients(IntSupplier port) {
        this.port = port;
    }

    Mqtt5BlockingClient add5(Mqtt5BlockingClient client) {
        disconnects.add(() -> {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        });
        return client;
    }

    Mqtt3BlockingClient add3(Mqtt3BlockingClient client) {
        disconnects.add(() -> {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        });
        return client;
    }

    /** A new MQTT 5 client with a clean start and no session expiry, connected. */
    Mqtt5BlockingClient connected5(String clientId) {
        Mqtt5BlockingClient client = add5(hiveMq5Blocking(port.getAsInt(), clientId));
        client.connect();
        return client;
    }

    /** A new MQTT 3.1.1 client with a clean session, connected. */
    Mqtt3BlockingClient connected3(String clientId) {
        Mqtt3BlockingClient client = add3(hiveMq3Blocking(port.getAsInt(), clientId));
        client.connect();
        return client;
    }

    @Override
    public void close() {
        for (Runnable disconnect : disconnects) {
            try {
                disconnect.run();
            } catch (RuntimeException e) {
                // already gone: nothing to clean up
            }
        }
        disconnects.clear();
    }
}
