package dev.tern.it.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.tern.testkit.BrokerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under a real broker process: the broker's data directory is a small tmpfs the test mounts (which needs
 * root; elsewhere the test is skipped and the store's own tests cover disk-full with a fault-injection seam). QoS 1
 * publications are refused with 0x97 while the disk is full, QoS 0 ones still flow, publications are accepted again
 * once space returns, and everything acknowledged survives a kill -9.
 */
class DiskFullIT {
    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    private Path mount;
    private boolean mounted;

    @BeforeEach
    void mountASmallFileSystem() throws Exception {
        mount = Files.createDirectories(dir.resolve("tmpfs"));
        Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        mounted = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        Assumptions.assumeTrue(
                mounted,
                "cannot mount a tmpfs here (needs root): " + output.strip()
                        + "; disk-full is covered by tern-store-rocksdb's SimulatedDiskFullTest");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", mount.toString())
                    .inheritIO()
                    .start()
                    .waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void whileTheDiskIsFullQos1IsRefusedWithQuotaExceededAndWhenSpaceReturnsItIsAcceptedAndNothingAcknowledgedIsLost()
            throws Exception {
        Path data = mount.resolve("data");
        Map<String, String> settings = Map.of(
                "data.dir", data.toString(),
                "sys.interval", "0",
                "store.block_cache_mb", "4",
                "store.write_buffer_mb", "1");
        Set<String> acknowledged = new HashSet<>();
        try (BrokerProcess broker = BrokerProcess.start(settings)) {
            Mqtt5BlockingClient keeper = client(broker.port(), "keeper");
            keeper.connectWith().cleanStart(true).sessionExpiryInterval(3600).send();
            keeper.subscribeWith()
                    .topicFilter("full/#")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            keeper.disconnect();

            Mqtt5BlockingClient publisher = client(broker.port(), "publisher");
            publisher.connect();
            for (int i = 0; i < 20; i++) {
                assertThat(publish(publisher, "full/before-" + i, new byte[1024]))
                        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
                acknowledged.add("before-" + i);
            }
            byte[] big = new byte[64 * 1024];
            Path filler = fill(mount.resolve("filler"));

            Mqtt5PubAckReasonCode refused = null;
            for (int i = 0; i < 400 && refused == null; i++) {
                String id = "m" + i;
                Mqtt5PubAckReasonCode code = publish(publisher, "full/" + id, big);
                if (code == Mqtt5PubAckReasonCode.SUCCESS) {
                    acknowledged.add(id);
                } else {
                    refused = code;
                }
            }
            assertThat(refused)
                    .as("a QoS 1 publication on a full disk")
                    .isEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
            publisher.publishWith().topic("full/qos0").qos(MqttQos.AT_MOST_ONCE).send();
            assertThat(publisher.getState().isConnected())
                    .as("the publisher stays connected")
                    .isTrue();

            Files.delete(filler); // space returns
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String id = "after-" + System.nanoTime();
                boolean accepted = publish(publisher, "full/" + id, new byte[16]) == Mqtt5PubAckReasonCode.SUCCESS;
                if (accepted) {
                    acknowledged.add(id);
                }
                return accepted;
            });
            publisher.disconnect();
            assertThat(broker.output()).containsIgnoringCase("disk").doesNotContain("Exception in thread");

            broker.kill9();
            broker.awaitExit(Duration.ofSeconds(30));
        }
        try (BrokerProcess restarted = BrokerProcess.start(settings)) {
            Mqtt5BlockingClient keeper = client(restarted.port(), "keeper");
            List<String> received = new ArrayList<>();
            try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
                    keeper.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
                keeper.connectWith()
                        .cleanStart(false)
                        .sessionExpiryInterval(3600)
                        .send();
                while (!new HashSet<>(received).containsAll(acknowledged)) {
                    Mqtt5Publish message = publishes
                            .receive(30, TimeUnit.SECONDS)
                            .orElseThrow(() -> new AssertionError("acknowledged but not delivered after the restart: "
                                    + missing(acknowledged, received)));
                    received.add(message.getTopic().toString().substring("full/".length()));
                }
            }
            keeper.disconnect();
            System.out.printf(
                    "DiskFullIT: %d QoS 1 messages acknowledged around a full disk, all %d delivered after kill -9%n",
                    acknowledged.size(), acknowledged.size());
        }
    }

    private static Set<String> missing(Set<String> acknowledged, List<String> received) {
        Set<String> missing = new HashSet<>(acknowledged);
        received.forEach(missing::remove);
        return missing;
    }

    private static Mqtt5BlockingClient client(int port, String clientId) {
        return MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(HOST)
                .serverPort(port)
                .buildBlocking();
    }

    private static Mqtt5PubAckReasonCode publish(Mqtt5BlockingClient client, String topic, byte[] payload) {
        try {
            Mqtt5PublishResult result = client.publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload)
                    .send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    /** Writes {@code file} until the file system is full. */
    private static Path fill(Path file) {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            return file; // "No space left on device": that is the point
        }
    }
}
