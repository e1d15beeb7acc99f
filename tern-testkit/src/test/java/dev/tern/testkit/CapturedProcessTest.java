package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapturedProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aLineCanBeAwaitedAndTheExitCodeRead() {
        try (CapturedProcess process = shell("echo starting; echo 'ready on 1234' >&2; exit 3")) {
            assertThat(process.awaitLineContaining("ready on", WAIT)).isEqualTo("ready on 1234");
            assertThat(process.awaitExit(WAIT)).isEqualTo(3);
            assertThat(process.lines()).containsExactly("starting", "ready on 1234");
        }
    }

    @Test
    void theOutputIsCopiedToALogFile() throws Exception {
        try (CapturedProcess process = shell("echo one; echo two")) {
            process.awaitExit(WAIT);

            assertThat(Files.readAllLines(process.log())).containsExactly("one", "two");
        }
    }

    @Test
    void aProcessThatEndsWithoutTheLineFailsTheWaitAtOnceShowingItsOutput() {
        try (CapturedProcess process = shell("echo something else")) {
            assertThatThrownBy(() -> process.awaitLineContaining("ready", Duration.ofMinutes(5)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ended without printing the expected line")
                    .hasMessageContaining("something else");
        }
    }

    @Test
    void waitingForALineThatNeverComesTimesOut() {
        try (CapturedProcess process = shell("echo waiting; exec cat")) {
            assertThatThrownBy(() -> process.awaitLineContaining("never", Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("timed out after PT0.2S");
        }
    }

    @Test
    void terminateSendsSigtermAndCloseKillsWhatIsLeft() {
        CapturedProcess process = shell("trap 'echo got TERM; exit 7' TERM; echo armed; while :; do sleep 0.1; done");
        process.awaitLineContaining("armed", WAIT);

        process.terminate();

        assertThat(process.awaitExit(WAIT)).isEqualTo(7);
        assertThat(process.lines()).contains("got TERM");
        process.close();
        assertThat(process.isAlive()).isFalse();
    }

    private static CapturedProcess shell(String script) {
        return CapturedProcess.start("sh", List.of("sh", "-c", script));
    }
}
