package dev.tern.it.interop;

import static dev.tern.it.interop.Interop.WAIT;
import static dev.tern.it.interop.Interop.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testkit.CapturedProcess;
import dev.tern.testkit.EmbeddedBroker;
import dev.tern.testkit.MosquittoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mosquitto's own command-line clients (Debian mosquitto-clients) against the broker. mosquitto_sub prints each
 * message as {@code MSG topic|payload|qos|retain} (its {@code -F} format) and, with {@code -d}, a line once its
 * subscription is acknowledged, which is what the tests wait for before publishing.
 */
class MosquittoClientsInteropIT {
    private static final String FORMAT = "MSG %t|%p|%q|%r";

    private static EmbeddedBroker broker;
    private final List<CapturedProcess> processes = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        Interop.requireMosquittoClients();
        broker = EmbeddedBroker.start(Map.of("sys.interval", "0"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stopProcesses() {
        processes.forEach(CapturedProcess::close);
    }

    @ParameterizedTest(name = "-V {0}")
    @ValueSource(strings = {"mqttv31", "mqttv311", "mqttv5"})
    void mosquittoSubReceivesWhatMosquittoPubPublishes(String version) {
        String topic = unique("mosq-" + version) + "/t";
        CapturedProcess sub = subscribed("-V", version, "-t", topic, "-C", "1");

        publish("-V", version, "-t", topic, "-m", "hello " + version);

        assertThat(sub.awaitLine(line -> line.startsWith("MSG "), WAIT))
                .isEqualTo("MSG " + topic + "|hello " + version + "|0|0");
        assertThat(sub.awaitExit(WAIT)).isZero();
    }

    @Test
    void aQos2MessageFromMosquittoPubArrivesAtQos2() {
        String topic = unique("mosq-qos2") + "/t";
        CapturedProcess sub = subscribed("-V", "mqttv311", "-q", "2", "-t", topic, "-C", "1");

        publish("-V", "mqttv5", "-q", "2", "-t", topic, "-m", "exactly once");

        assertThat(sub.awaitLine(line -> line.startsWith("MSG "), WAIT))
                .isEqualTo("MSG " + topic + "|exactly once|2|0");
        assertThat(sub.awaitExit(WAIT)).isZero();
        // Its debug output shows the whole QoS 2 flow from the subscriber's side.
        assertThat(sub.output())
                .contains("received PUBLISH (d0, q2")
                .contains("sending PUBREC")
                .contains("received PUBREL")
                .contains("sending PUBCOMP");
    }

    @Test
    void mosquittoSubExitsAfterTheCountOfMessagesGivenWithDashC() {
        String topic = unique("mosq-count") + "/t";
        CapturedProcess sub = subscribed("-V", "mqttv311", "-q", "1", "-t", topic, "-C", "5");

        publish("-V", "mqttv311", "-q", "1", "-t", topic, "-m", "tick", "--repeat", "5");

        assertThat(sub.awaitExit(WAIT)).isZero();
        assertThat(sub.lines().stream().filter(line -> line.startsWith("MSG ")))
                .containsExactly(
                        "MSG " + topic + "|tick|1|0",
                        "MSG " + topic + "|tick|1|0",
                        "MSG " + topic + "|tick|1|0",
                        "MSG " + topic + "|tick|1|0",
                        "MSG " + topic + "|tick|1|0");
    }

    @Test
    void aMessagePublishedWithDashRIsRetainedForLaterSubscribersAndAnEmptyOneDeletesIt() {
        String topic = unique("mosq-retained") + "/state";
        publish("-V", "mqttv311", "-q", "1", "-r", "-t", topic, "-m", "kept");

        CapturedProcess late = subscribed("-V", "mqttv5", "-t", topic, "-C", "1");
        assertThat(late.awaitLine(line -> line.startsWith("MSG "), WAIT)).isEqualTo("MSG " + topic + "|kept|0|1");
        assertThat(late.awaitExit(WAIT)).isZero();

        publish("-V", "mqttv311", "-q", "1", "-r", "-t", topic, "-n"); // -n: a null (empty) message
        CapturedProcess later = subscribed("-V", "mqttv311", "-t", topic, "-C", "1");
        publish("-V", "mqttv311", "-t", topic, "-m", "live");
        assertThat(later.awaitLine(line -> line.startsWith("MSG "), WAIT))
                .as("the first message after the retained one was deleted")
                .isEqualTo("MSG " + topic + "|live|0|0");
    }

    @Test
    void mqtt5PropertiesGivenWithDashDReachAnMqtt5Subscriber() {
        String topic = unique("mosq-props") + "/t";
        CapturedProcess sub = subscribed("-V", "mqttv5", "-t", topic, "-C", "1", "-F", "PROPS %P|%C|%R");

        publish(
                "-V",
                "mqttv5",
                "-t",
                topic,
                "-m",
                "{}",
                "-D",
                "publish",
                "user-property",
                "origin",
                "mosquitto",
                "-D",
                "publish",
                "content-type",
                "application/json",
                "-D",
                "publish",
                "response-topic",
                topic + "/reply");

        assertThat(sub.awaitLine(line -> line.startsWith("PROPS "), WAIT))
                .isEqualTo("PROPS origin:mosquitto|application/json|" + topic + "/reply");
    }

    @Test
    void anMqtt5MosquittoSubAllowingTopicAliasesGetsEveryMessageFromABrokerWithOutboundAliasesOff() {
        // libmosquitto 2.0.11 sends the Topic Alias Maximum given with -D but fails with a protocol error on the
        // first PUBLISH that uses an alias the server assigned. Mosquitto never assigns any;
        // mqtt.outbound_topic_aliases=false makes Tern behave the same for such clients.
        try (EmbeddedBroker noAliases =
                EmbeddedBroker.start(Map.of("sys.interval", "0", "mqtt.outbound_topic_aliases", "false"))) {
            String base = unique("mosq-alias");
            CapturedProcess sub = MosquittoClients.sub(
                    "-h",
                    noAliases.host(),
                    "-p",
                    String.valueOf(noAliases.port()),
                    "-d",
                    "-W",
                    "30",
                    "-F",
                    FORMAT,
                    "-V",
                    "mqttv5",
                    "-D",
                    "connect",
                    "topic-alias-maximum",
                    "4",
                    "-t",
                    base + "/#",
                    "-q",
                    "1",
                    "-C",
                    "4");
            processes.add(sub);
            sub.awaitLineContaining("received SUBACK", WAIT);

            for (int round = 0; round < 2; round++) {
                for (String leaf : List.of("first", "second")) {
                    CapturedProcess pub = MosquittoClients.pub(
                            "-h",
                            noAliases.host(),
                            "-p",
                            String.valueOf(noAliases.port()),
                            "-V",
                            "mqttv5",
                            "-q",
                            "1",
                            "-t",
                            base + "/" + leaf,
                            "-m",
                            leaf + round);
                    processes.add(pub);
                    assertThat(pub.awaitExit(WAIT)).isZero();
                }
            }

            assertThat(sub.awaitExit(WAIT))
                    .as("mosquitto_sub output: %s", sub.output())
                    .isZero();
            assertThat(sub.lines().stream().filter(line -> line.startsWith("MSG ")))
                    .containsExactly(
                            "MSG " + base + "/first|first0|1|0",
                            "MSG " + base + "/second|second0|1|0",
                            "MSG " + base + "/first|first1|1|0",
                            "MSG " + base + "/second|second1|1|0");
        }
    }

    @Test
    void killingMosquittoSubWithSigkillPublishesItsWillToAnotherSubscriber() {
        String willTopic = unique("mosq-will") + "/status";
        CapturedProcess watcher = subscribed("-V", "mqttv311", "-q", "1", "-t", willTopic, "-C", "1");
        CapturedProcess owner = subscribed(
                "-V",
                "mqttv311",
                "-t",
                unique("mosq-will") + "/unused",
                "--will-topic",
                willTopic,
                "--will-payload",
                "owner died",
                "--will-qos",
                "1");

        owner.kill(); // SIGKILL: no DISCONNECT, the kernel just closes the socket

        assertThat(watcher.awaitLine(line -> line.startsWith("MSG "), WAIT))
                .isEqualTo("MSG " + willTopic + "|owner died|1|0");
    }

    @Test
    void aRetainedWillIsKeptForSubscribersThatComeAfterTheOwnerDied() {
        String willTopic = unique("mosq-will-retained") + "/status";
        CapturedProcess watcher = subscribed("-V", "mqttv311", "-q", "1", "-t", willTopic, "-C", "1");
        CapturedProcess owner = subscribed(
                "-V",
                "mqttv5",
                "-t",
                unique("mosq-will") + "/unused",
                "--will-topic",
                willTopic,
                "--will-payload",
                "last words",
                "--will-qos",
                "1",
                "--will-retain");
        owner.kill();
        // Live, the will comes with RETAIN cleared [MQTT-3.3.1-12]; once it has gone out, it is retained.
        assertThat(watcher.awaitLine(line -> line.startsWith("MSG "), WAIT))
                .isEqualTo("MSG " + willTopic + "|last words|1|0");

        CapturedProcess late = MosquittoClients.sub(
                "-h",
                broker.host(),
                "-p",
                String.valueOf(broker.port()),
                "-V",
                "mqttv311",
                "-t",
                willTopic,
                "-C",
                "1",
                "-W",
                "30",
                "-F",
                FORMAT);
        processes.add(late);
        assertThat(late.awaitLine(line -> line.startsWith("MSG "), WAIT))
                .isEqualTo("MSG " + willTopic + "|last words|0|1");
    }

    /** mosquitto_sub with the broker's address, the message format and -d, returned once subscribed. */
    private CapturedProcess subscribed(String... arguments) {
        List<String> all = new ArrayList<>(
                List.of("-h", broker.host(), "-p", String.valueOf(broker.port()), "-d", "-W", "30", "-F", FORMAT));
        all.addAll(List.of(arguments));
        CapturedProcess sub = MosquittoClients.sub(all.toArray(String[]::new));
        processes.add(sub);
        sub.awaitLineContaining("received SUBACK", WAIT);
        return sub;
    }

    /** Runs mosquitto_pub to completion; fails when it does not exit with 0. */
    private void publish(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-h", broker.host(), "-p", String.valueOf(broker.port())));
        all.addAll(List.of(arguments));
        CapturedProcess pub = MosquittoClients.pub(all.toArray(String[]::new));
        processes.add(pub);
        assertThat(pub.awaitExit(WAIT))
                .as("mosquitto_pub exit status; output: %s", pub.output())
                .isZero();
    }
}
