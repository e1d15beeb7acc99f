package dev.tern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testkit.BrokerProcess;
import dev.tern.testkit.CapturedProcess;
import dev.tern.testkit.MosquittoClients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tern start` as a real process: the ready line, stopping on signals, and refusing to start when it cannot. */
class TernStartIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void theReadyLineNamesTheEphemeralPortTheDataDirectoryAndHowToConnect() {
        try (BrokerProcess broker = BrokerProcess.start()) {
            assertThat(broker.output())
                    .contains("ready: MQTT on tcp 127.0.0.1:" + broker.port() + " (data in " + broker.dataDir() + ")")
                    .contains("Try: mosquitto_sub -h 127.0.0.1 -p " + broker.port() + " -t '#' -v");
        }
    }

    @Test
    void sigtermDisconnectsMqtt5ClientsWithServerShuttingDownAndExitsWithZero() {
        Peers.requireMosquittoClients();
        try (BrokerProcess broker = BrokerProcess.start("sys.interval=0");
                CapturedProcess sub = MosquittoClients.sub(
                        "-h", broker.host(), "-p", String.valueOf(broker.port()), "-V", "mqttv5", "-t", "#", "-d")) {
            sub.awaitLineContaining("received SUBACK", WAIT);

            broker.terminate();

            assertThat(broker.awaitExit(WAIT)).isZero();
            sub.awaitLineContaining("Received DISCONNECT (139)", WAIT); // 0x8B Server shutting down
            assertThat(broker.output())
                    .contains("Received SIGTERM: stopping")
                    .contains("Tern stopped")
                    .doesNotContain("LEAK:");
        }
    }

    @Test
    void sigintStopsTheBrokerCleanlyToo() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start("sys.interval=0")) {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(broker.pid())).start();
            assertThat(kill.waitFor()).isZero();

            assertThat(broker.awaitExit(WAIT)).isZero();
            assertThat(broker.output()).contains("Received SIGINT: stopping").contains("Tern stopped");
        }
    }

    @Test
    void sigkillEndsTheBrokerAtOnce() {
        try (BrokerProcess broker = BrokerProcess.start("sys.interval=0")) {
            broker.kill9();

            assertThat(broker.awaitExit(WAIT)).isEqualTo(128 + 9);
            assertThat(broker.output()).doesNotContain("Tern stopped");
        }
    }

    @Test
    void aBadSetValueExitsWithTwoAndAMessageThatSaysWhatToFix() {
        try (CapturedProcess tern = BrokerProcess.launch(List.of("start", "--set", "mqtt.tcp.port=abc"))) {
            assertThat(tern.awaitExit(WAIT)).isEqualTo(2);
            assertThat(tern.output())
                    .contains("tern start: mqtt.tcp.port: 'abc' is not a valid value (from --set mqtt.tcp.port=abc);"
                            + " expected a whole number")
                    .contains("docs/configuration.md")
                    .doesNotContain("ready:")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aPortInUseExitsWithOneAndSuggestsAnotherPort() throws IOException {
        try (BrokerProcess first = BrokerProcess.start("sys.interval=0");
                CapturedProcess second = BrokerProcess.launch(List.of(
                        "start",
                        "--set",
                        "mqtt.tcp.bind=127.0.0.1",
                        "--set",
                        "mqtt.tcp.port=" + first.port(),
                        "--set",
                        "data.dir=" + dir.resolve("data")))) {
            assertThat(second.awaitExit(WAIT)).isEqualTo(1);
            assertThat(second.output())
                    .contains("tern start: cannot listen on tcp 127.0.0.1:" + first.port())
                    .contains("--set mqtt.tcp.port=PORT")
                    .doesNotContain("ready:");
        }
    }
}
