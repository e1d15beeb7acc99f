package dev.tern.benchmarks.load;

import dev.tern.mqtt.codec.MqttVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator's command line: one run against a broker already listening on loopback, then a table for people
 * and one JSON line for scripts (stdout, and appended to {@code --json FILE}).
 *
 * <p>Exit status: 0 for a clean run; 3 when the run completed but lost, duplicated, refused or left messages
 * unacknowledged, or a connection failed (the figures say which); 1 when it could not run; 2 for bad arguments.
 */
@Command(
        name = "tern-load",
        mixinStandardHelpOptions = true,
        description = "Drives MQTT load against a broker on this machine and reports throughput, loss and latency.",
        sortOptions = false)
public final class LoadGenerator implements Callable<Integer> {
    static final int EXIT_NOT_CLEAN = 3;

    @Option(names = "--host", description = "Broker address, loopback only (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", required = true, description = "Broker MQTT TCP port.")
    int port;

    @Option(names = "--scenario", description = "Load shape: pairs (default: ${DEFAULT-VALUE}).")
    String scenario = "pairs";

    @Option(names = "--pairs", description = "Publisher/subscriber pairs, one topic each (default: ${DEFAULT-VALUE}).")
    int pairs = 16;

    @Option(names = "--qos", description = "QoS of publications and subscriptions; 1 (default: ${DEFAULT-VALUE}).")
    int qos = 1;

    @Option(names = "--payload", description = "Payload bytes, at least 16 (default: ${DEFAULT-VALUE}).")
    int payload = 64;

    @Option(
            names = "--mqtt",
            converter = MqttVersionConverter.class,
            description = "Protocol version: 3.1.1 or 5 (default: 3.1.1).")
    MqttVersion version = MqttVersion.V3_1_1;

    @Option(
            names = "--window",
            description = "Unacknowledged QoS 1 messages per publisher at most (default: ${DEFAULT-VALUE}).")
    int window = 64;

    @Option(
            names = "--rate",
            description =
                    "Messages per second per publisher; 0: as fast as the window allows (default: ${DEFAULT-VALUE}).")
    long rate = 0;

    @Option(
            names = "--warmup",
            converter = DurationConverter.class,
            description = "Publishing before measuring, e.g. 3s (default: 3s).")
    Duration warmup = Duration.ofSeconds(3);

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "Measured interval, e.g. 10s (default: 10s).")
    Duration duration = Duration.ofSeconds(10);

    @Option(
            names = "--drain-timeout",
            converter = DurationConverter.class,
            description = "Longest wait after the measured interval for PUBACKs and deliveries (default: 10s).")
    Duration drainTimeout = Duration.ofSeconds(10);

    @Option(
            names = "--connect-timeout",
            converter = DurationConverter.class,
            description = "Longest wait for all connections and subscriptions (default: 10s).")
    Duration connectTimeout = Duration.ofSeconds(10);

    @Option(
            names = "--max-messages",
            description = "Messages per publisher at most, whatever the time (default: ${DEFAULT-VALUE}).")
    long maxMessages = 10_000_000;

    @Option(names = "--threads", description = "Generator event-loop threads (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--broker-pid", description = "Broker process id, to report its CPU time (Linux /proc).")
    long brokerPid = -1;

    @Option(names = "--label", description = "Name of this run in the table and JSON (default: the scenario).")
    String label;

    @Option(names = "--json", description = "Also append the run's JSON line to this file.")
    Path jsonFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LoadSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            System.err.println("tern-load: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        RunResult result;
        try {
            result = run(settings);
        } catch (IllegalStateException e) {
            System.err.println("tern-load: the run failed: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        JsonLine json = result.toJson();
        print(System.out, result, json);
        if (jsonFile != null) {
            Files.writeString(
                    jsonFile,
                    json + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return result.clean() ? CommandLine.ExitCode.OK : EXIT_NOT_CLEAN;
    }

    LoadSettings settings() throws IOException {
        return new LoadSettings(
                InetAddress.getByName(host),
                port,
                scenario,
                pairs,
                qos,
                payload,
                version,
                window,
                rate,
                warmup,
                duration,
                drainTimeout,
                connectTimeout,
                maxMessages,
                threads,
                brokerPid,
                label != null ? label : scenario);
    }

    /** Runs one scenario on fresh event loops and closes them afterwards. */
    static RunResult run(LoadSettings settings) throws InterruptedException {
        Scenario scenario = switch (settings.scenario()) {
            case "pairs" -> new PairsScenario();
            default -> throw new IllegalArgumentException("unknown scenario " + settings.scenario());
        };
        try (ClientLoops loops = ClientLoops.start(settings.threads())) {
            return scenario.run(settings, loops);
        }
    }

    private static void print(PrintStream out, RunResult result, JsonLine json) {
        out.println(ResultTable.describe(json));
        out.print(ResultTable.render(List.of(json)));
        out.printf(
                "published %d, acknowledged %d, received %d (all phases); lost %d, duplicates %d, unacknowledged %d,"
                        + " refused %d, anomalies %d%n",
                result.published(),
                result.acknowledged(),
                result.received(),
                result.lost(),
                result.duplicates(),
                result.unacknowledged(),
                result.refused(),
                result.anomalies());
        result.failures().stream().limit(5).forEach(f -> out.println("failure: " + f));
        out.println(json);
    }
}
