package dev.tern.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.testkit.BrokerProcess;
import dev.tern.testkit.CapturedProcess;
import dev.tern.testkit.MosquittoClients;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker, started as `tern start` in its own process, serving Mosquitto's command-line clients. */
class MosquittoClientsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() {
        Peers.requireMosquittoClients();
        broker = BrokerProcess.start("sys.interval=0");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.terminate();
            assertThat(broker.awaitExit(WAIT)).isZero();
            assertThat(broker.output()).doesNotContain("LEAK:");
            broker.close();
        }
    }

    @Test
    void mosquittoSubReceivesWhatMosquittoPubPublishesOverMqtt311() {
        assertThat(publishAndReceive("mqttv311", "a/b", "hello")).isEqualTo("a/b hello");
    }

    @Test
    void mosquittoSubReceivesWhatMosquittoPubPublishesOverMqtt5() {
        assertThat(publishAndReceive("mqttv5", "c/d", "hello 5")).isEqualTo("c/d hello 5");
    }

    @Test
    void aQos1MessageGetsThroughFromAnMqtt5PublisherToAnMqtt311Subscriber() {
        try (CapturedProcess sub = subscribe("mqttv311", "q/#", "-q", "1")) {
            publish("mqttv5", "q/1", "at least once", "-q", "1");

            sub.awaitLine("q/1 at least once"::equals, WAIT);
            assertThat(sub.awaitExit(WAIT)).isZero();
        }
    }

    @Test
    void anonymousClientsFromANonLoopbackAddressAreRefusedByDefault() {
        Optional<InetAddress> lan = nonLoopbackAddress();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to connect from");
        try (BrokerProcess open = BrokerProcess.start("mqtt.tcp.bind=0.0.0.0", "sys.interval=0");
                CapturedProcess sub = MosquittoClients.sub(
                        "-h",
                        lan.get().getHostAddress(),
                        "-p",
                        String.valueOf(open.port()),
                        "-t",
                        "#",
                        "-C",
                        "1",
                        "-W",
                        "10")) {
            assertThat(sub.awaitExit(WAIT)).isNotZero();
            assertThat(sub.output()).containsIgnoringCase("not authori");
            open.process().awaitLineContaining("--set auth.allow_anonymous=true", WAIT);
        }
    }

    /** Subscribes with mosquitto_sub -C 1, publishes once the subscription is acknowledged, returns what it printed. */
    private static String publishAndReceive(String version, String topic, String message) {
        try (CapturedProcess sub = subscribe(version, "#")) {
            publish(version, topic, message);

            String received = sub.awaitLine(line -> line.startsWith(topic + " "), WAIT);
            assertThat(sub.awaitExit(WAIT)).isZero();
            return received;
        }
    }

    /** mosquitto_sub -C 1 -W 10 -v -d, returned once it has received SUBACK (its debug output says so). */
    private static CapturedProcess subscribe(String version, String filter, String... more) {
        String[] arguments = concat(
                new String[] {
                    "-h",
                    broker.host(),
                    "-p",
                    String.valueOf(broker.port()),
                    "-V",
                    version,
                    "-t",
                    filter,
                    "-C",
                    "1",
                    "-W",
                    "10",
                    "-v",
                    "-d"
                },
                more);
        CapturedProcess sub = MosquittoClients.sub(arguments);
        sub.awaitLineContaining("received SUBACK", WAIT);
        return sub;
    }

    private static void publish(String version, String topic, String message, String... more) {
        String[] arguments = concat(
                new String[] {
                    "-h", broker.host(), "-p", String.valueOf(broker.port()), "-V", version, "-t", topic, "-m", message
                },
                more);
        try (CapturedProcess pub = MosquittoClients.pub(arguments)) {
            assertThat(pub.awaitExit(WAIT))
                    .as("mosquitto_pub exit status; output: %s", pub.output())
                    .isZero();
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(MosquittoClientsIT::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
