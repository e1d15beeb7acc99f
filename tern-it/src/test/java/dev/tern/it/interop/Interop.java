package dev.tern.it.interop;

import static org.assertj.core.api.Assertions.fail;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import dev.tern.testkit.MosquittoClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the interoperability tests share: unique names (so tests can share one broker), the real clients set up the
 * same way everywhere, and the check that the Debian peers are installed. A missing peer fails the test with what to
 * install: .ci/run installs them, so a skip would hide a broken CI.
 */
final class Interop {
    /** How long any single expected event may take on a loaded 2-core machine. */
    static final Duration WAIT = Duration.ofSeconds(15);

    /**
     * How long a test watches for something that must not happen (a duplicate, a suppressed will). A bounded
     * observation window, not a sleep: it ends early, failing, when the unexpected thing arrives.
     */
    static final Duration QUIET = Duration.ofMillis(700);

    static final String HOST = "127.0.0.1";

    /** Debian's interpreter, which python3-paho-mqtt installs into (a pyenv python on PATH would not have it). */
    static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN =
            Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);

    private Interop() {}

    /** A client identifier or topic segment no other test uses, such as {@code qos2-reconnect-7-k3f}. */
    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + RUN;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A HiveMQ MQTT 5 client builder for the broker on {@code port}; no automatic reconnect. */
    static Mqtt5ClientBuilder hiveMq5(int port, String clientId) {
        return MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(HOST)
                .serverPort(port);
    }

    static Mqtt5BlockingClient hiveMq5Blocking(int port, String clientId) {
        return hiveMq5(port, clientId).buildBlocking();
    }

    /** A HiveMQ MQTT 3.1.1 client builder for the broker on {@code port}; no automatic reconnect. */
    static Mqtt3ClientBuilder hiveMq3(int port, String clientId) {
        return MqttClient.builder()
                .useMqttVersion3()
                .identifier(clientId)
                .serverHost(HOST)
                .serverPort(port);
    }

    static Mqtt3BlockingClient hiveMq3Blocking(int port, String clientId) {
        return hiveMq3(port, clientId).buildBlocking();
    }

    /** {@code tcp://127.0.0.1:PORT}, the server URI the Paho clients take. */
    static String pahoUri(int port) {
        return "tcp://" + HOST + ":" + port;
    }

    /** Fails with the install hint when mosquitto_pub/mosquitto_sub are not on the PATH. */
    static void requireMosquittoClients() {
        if (!MosquittoClients.installed()) {
            fail(MosquittoClients.installHint());
        }
    }

    /** Fails with the install hint when Debian's python3, or its paho-mqtt module, is missing. */
    static void requireDebianPythonPaho() {
        String hint = "install python3-paho-mqtt (sudo apt-get install python3-paho-mqtt; .ci/run does) to run the"
                + " python interoperability tests";
        if (!Files.isExecutable(DEBIAN_PYTHON)) {
            fail(DEBIAN_PYTHON + " is missing: " + hint);
        }
        try {
            Process check = new ProcessBuilder(DEBIAN_PYTHON.toString(), "-c", "import paho.mqtt.client")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!check.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS) || check.exitValue() != 0) {
                check.destroyForcibly();
                fail(DEBIAN_PYTHON + " cannot import paho.mqtt.client: " + hint);
            }
        } catch (IOException e) {
            fail("cannot run " + DEBIAN_PYTHON + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while checking " + DEBIAN_PYTHON);
        }
    }

    /** The next element within {@link #WAIT}, or an AssertionError naming what was awaited. */
    static <T> T next(BlockingQueue<T> queue, String what) {
        try {
            T item = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
