package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts the figures rest on: sequence tracking, /proc parsing, the JSON line, durations, the window. */
class BookkeepingTest {

    @Test
    void sequenceTrackerCountsDuplicatesAndGaps() {
        SequenceTracker tracker = new SequenceTracker();
        assertThat(tracker.record(0)).isTrue();
        assertThat(tracker.record(2)).isTrue();
        assertThat(tracker.record(2)).isFalse();
        assertThat(tracker.record(3)).isTrue();
        assertThat(tracker.distinct()).isEqualTo(3);
        assertThat(tracker.duplicates()).isEqualTo(1);
        assertThat(tracker.missingBelow(5)).isEqualTo(2); // 1 and 4
        assertThat(tracker.missingBelow(1)).isZero();
    }

    @Test
    void procStatCpuTimeIsUserPlusSystemTicks() {
        // A command name with a space and a parenthesis, as a thread can set: fields count from the last ')'.
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 130 0 0 20 0 30 0 7 0 0";
        assertThat(CpuTime.parseStat(stat)).isEqualTo(3.8);
    }

    @Test
    void cpuTimeOfThisProcessIsReadable() {
        assertThat(CpuTime.ofThisProcess()).isPresent();
        assertThat(CpuTime.ofProcess(-1)).isEmpty();
    }

    @Test
    void jsonLineRoundTrips() {
        JsonLine line = JsonLine.empty()
                .put("label", "sync \"fsync\"\\x")
                .put("sent_per_s", 12345)
                .put("p99", 1.5)
                .put("whole", 3.0)
                .put("missing", Double.NaN)
                .put("none", (String) null);
        String text = line.toString();
        assertThat(text)
                .isEqualTo("{\"label\":\"sync \\\"fsync\\\"\\\\x\",\"sent_per_s\":12345,\"p99\":1.5,\"whole\":3,"
                        + "\"missing\":null,\"none\":null}");
        JsonLine read = JsonLine.parse(text);
        assertThat(read.text("label")).isEqualTo("sync \"fsync\"\\x");
        assertThat(read.number("sent_per_s")).isEqualTo(12345);
        assertThat(read.number("p99")).isEqualTo(1.5);
        assertThat(read.number("missing")).isNaN();
        assertThat(read.text("none")).isEmpty();
    }

    @Test
    void ratiosCompareEachRunWithTheBaseline() {
        List<JsonLine> runs = List.of(
                JsonLine.empty().put("label", "memory").put("sent_per_s", 1000),
                JsonLine.empty().put("label", "sync").put("sent_per_s", 400));
        assertThat(CompareRuns.ratios(runs, "memory", 0.5))
                .isEqualTo("sync / memory throughput (msgs/s sent): 0.40 (target ≥ 0.50: NOT met)\n");
        assertThat(ResultTable.render(runs)).contains("| sync | 400 |");
    }

    @Test
    void durationsAsWrittenOnACommandLine() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> converter.convert("10")).hasMessageContaining("500ms");
    }

    @Test
    void measurementWindowIsHalfOpenAndWrapSafe() {
        MeasurementWindow window = new MeasurementWindow(Long.MAX_VALUE - 5, Long.MAX_VALUE + 5); // wraps
        assertThat(window.contains(Long.MAX_VALUE - 6)).isFalse();
        assertThat(window.contains(Long.MAX_VALUE - 5)).isTrue();
        assertThat(window.contains(Long.MAX_VALUE + 4)).isTrue();
        assertThat(window.contains(Long.MAX_VALUE + 5)).isFalse();
    }
}
