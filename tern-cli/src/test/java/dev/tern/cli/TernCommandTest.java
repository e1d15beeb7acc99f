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
                .containsPattern("(?m)^\\s+start\\s+Run the broker \\(not yet available: arrives with issue 3\\)")
                .containsPattern("(?m)^\\s+help\\s+");
        assertThat(run.err).isEmpty();
    }

    @Test
    void helpOfStartSaysThatItIsNotYetAvailable() {
        Run run = Run.of("help", "start");

        assertThat(run.exitCode).isZero();
        assertThat(run.out.replaceAll("\\s+", " "))
                .contains("Usage: tern start")
                .contains("MQTT on port 1883, data under ./data")
                .contains("Not yet available: arrives with the broker core (issue 3)");
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
    void startSaysItIsNotYetAvailableAndExitsWithTwo() {
        Run run = Run.of("start", "--any", "argument");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("not yet available: arrives with the broker core (issue 3)");
        assertThat(run.out).isEmpty();
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
