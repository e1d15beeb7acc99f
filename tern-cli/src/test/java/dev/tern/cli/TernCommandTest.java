package dev.tern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TernCommandTest {

    @Test
    void helpListsTheSubcommands() {
        Run run = Run.of("--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out)
                .contains("Usage: tern")
                .contains("--help")
                .contains("--version")
                .contains("Commands:")
                .containsPattern("(?m)^\\s+start\\s+Run the broker: MQTT on port 1883, data under ./data\\.$")
                .containsPattern("(?m)^\\s+help\\s+");
        assertThat(run.err).isEmpty();
    }

    @Test
    void helpOfStartDescribesItsOptionsTheReadyLineSignalsAndExitStatuses() {
        Run run = Run.of("help", "start");

        assertThat(run.exitCode).isZero();
        assertThat(run.out.replaceAll("\\s+", " "))
                .contains("Usage: tern start")
                .contains("-c, --config=FILE")
                .contains("-s, --set=KEY=VALUE")
                .contains("listens for MQTT on tcp 0.0.0.0:1883")
                .contains("accepts anonymous clients from loopback addresses only")
                .contains("ready: MQTT on tcp 0.0.0.0:1883")
                .contains("Port 0 picks a free port, which the ready line names: --set mqtt.tcp.port=0")
                .contains("SIGTERM or SIGINT (Ctrl-C) stops it")
                .contains("0 stopped by SIGTERM or SIGINT")
                .contains("2 bad configuration or arguments")
                .contains("docs/configuration.md");
    }

    @Test
    void startAnswersHelpAndVersionLikeTernItself() {
        assertThat(Run.of("start", "--help").out).contains("Usage: tern start");
        assertThat(Run.of("start", "--version").out).isEqualTo(Run.of("--version").out);
    }

    @Test
    void versionPrintsTheProjectVersionFromTheBuild() {
        Run run = Run.of("--version");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).containsPattern("(?m)^tern \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?$");
        assertThat(run.out).doesNotContain("${");
    }

    @Test
    void startWithABadValueExitsWithTwoNamingTheKeyTheValueAndWhatItTakes() {
        Run run = Run.of("start", "--set", "mqtt.tcp.port=abc");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err)
                .contains("tern start: mqtt.tcp.port: 'abc' is not a valid value (from --set mqtt.tcp.port=abc);"
                        + " expected a whole number")
                .contains("docs/configuration.md");
        assertThat(run.out).isEmpty();
    }

    @Test
    void startWithAnUnknownKeyExitsWithTwoAndSuggestsTheKeyItProbablyMeant() {
        Run run = Run.of("start", "-s", "mqtt.max_keepalive=60", "-s", "mqtt.maxkeepalive=60");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("unknown configuration key 'mqtt.maxkeepalive'", "'mqtt.max_keepalive'");
    }

    @Test
    void startWithAMissingConfigFileExitsWithTwoAndSaysWhereItLooked() {
        Run run = Run.of("start", "--config", "no-such-tern.yaml");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("config file not found: ").contains("no-such-tern.yaml");
    }

    @Test
    void startWithAnUnknownOptionIsAUsageError() {
        Run run = Run.of("start", "--port", "1884");

        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err).contains("Unknown options: '--port', '1884'").contains("Usage: tern start");
    }

    @Test
    void noSubcommandPrintsTheUsageAndExitsWithTwo() {
        Run run = Run.of();

        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err).contains("Usage: tern");
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        Run run = Run.of("frobnicate");

        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err).contains("frobnicate");
    }

    /** One in-process run of the {@code tern} command with its output captured. */
    private record Run(int exitCode, String out, String err) {

        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = TernCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(args);
            return new Run(exitCode, out.toString(), err.toString());
        }
    }
}
