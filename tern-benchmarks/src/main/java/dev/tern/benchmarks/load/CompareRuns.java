package dev.tern.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Puts runs recorded as JSON lines (by {@code LoadGenerator --json FILE}) in one table, with each run's throughput as a
 * fraction of a baseline run's: for example store modes against {@code memory}, or one broker against another.
 */
@Command(
        name = "tern-load-compare",
        mixinStandardHelpOptions = true,
        description = "Prints runs recorded with tern-load --json side by side.")
public final class CompareRuns implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON-lines files, one run per line.")
    List<Path> files;

    @Option(names = "--baseline", description = "Label of the run the others are compared with.")
    String baseline;

    @Option(names = "--target", description = "Fraction of the baseline's throughput each run should reach, e.g. 0.5.")
    double target = Double.NaN;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CompareRuns()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<JsonLine> runs = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    runs.add(JsonLine.parse(line));
                }
            }
        }
        if (runs.isEmpty()) {
            System.err.println("tern-load-compare: no runs in " + files);
            return CommandLine.ExitCode.USAGE;
        }
        System.out.println(ResultTable.describe(runs.getFirst()));
        System.out.println();
        System.out.print(ResultTable.render(runs));
        if (baseline != null) {
            System.out.println();
            System.out.print(ratios(runs, baseline, target));
        }
        return CommandLine.ExitCode.OK;
    }

    /** One line per run other than the baseline: its sent throughput over the baseline's, and the target if given. */
    static String ratios(List<JsonLine> runs, String baseline, double target) {
        JsonLine base = runs.stream()
                .filter(r -> r.text("label").equals(baseline))
                .findFirst()
                .orElse(null);
        if (base == null) {
            return "no run labelled " + baseline + " to compare with\n";
        }
        StringBuilder out = new StringBuilder();
        for (JsonLine run : runs) {
            if (run == base) {
                continue;
            }
            double ratio = run.number("sent_per_s") / base.number("sent_per_s");
            out.append(String.format(
                    Locale.ROOT, "%s / %s throughput (msgs/s sent): %.2f", run.text("label"), baseline, ratio));
            if (!Double.isNaN(target)) {
                out.append(String.format(
                        Locale.ROOT, " (target ≥ %.2f: %s)", target, ratio >= target ? "met" : "NOT met"));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
