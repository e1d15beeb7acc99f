package dev.tern.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker as a separate OS process: {@code java -jar tern-cli/target/tern.jar start}, on the same Java as the
 * tests, on an ephemeral port of 127.0.0.1 with a temporary data directory. It is ready when it prints its ready line
 * (docs/operations.md), which also names the port. For tests that need a real process: signals, exit codes, crashes.
 * Output goes to a log file under {@code target/test-processes}.
 */
public final class BrokerProcess implements AutoCloseable {
    /** The ready line: {@code Tern VERSION ready: MQTT on tcp HOST:PORT (data in DIR). Try: ...}. */
    static final Pattern READY = Pattern.compile("^Tern (\\S+) ready: MQTT on tcp (\\[[^\\]]+\\]|[^\\s:]+):(\\d+) ");

    /** A cold JVM on a busy two-core machine can take a while; a healthy start takes about a second. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final CapturedProcess process;
    private final Path dataDir;
    private final String host;
    private final int port;

    private BrokerProcess(CapturedProcess process, Path dataDir, String host, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
    }

    /** Starts a broker with these {@code key=value} settings (after the test defaults) and waits until it is ready. */
    public static BrokerProcess start(String... settings) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected key=value, was " + setting);
            }
            map.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        return start(map);
    }

    /** Starts a broker with these settings (after the test defaults) and waits until it is ready. */
    public static BrokerProcess start(Map<String, String> settings) {
        Path dataDir = TestFiles.temporaryDirectory("tern-process-data");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("mqtt.tcp.port", "0");
        all.put("mqtt.tcp.bind", "127.0.0.1");
        all.put("data.dir", dataDir.toString());
        all.putAll(settings);
        List<String> arguments = new ArrayList<>(List.of("start"));
        all.forEach((key, value) -> arguments.addAll(List.of("--set", key + "=" + value)));
        CapturedProcess process = launch(arguments);
        try {
            String line = process.awaitLine(READY.asPredicate(), READY_TIMEOUT);
            Matcher ready = READY.matcher(line);
            if (!ready.find()) {
                throw new AssertionError("not a ready line: " + line);
            }
            String boundHost = ready.group(2).replace("[", "").replace("]", "");
            return new BrokerProcess(process, dataDir, connectHost(boundHost), Integer.parseInt(ready.group(3)));
        } catch (RuntimeException | AssertionError e) {
            process.close();
            TestFiles.deleteRecursively(dataDir);
            throw e;
        }
    }

    /**
     * Runs {@code java -jar tern.jar ARGUMENTS} and returns at once, without waiting for anything: for tests of
     * commands that fail, or of output other than the ready line.
     */
    public static CapturedProcess launch(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx256m"); // the test machine is shared: a broker under test needs little
        command.add("-Dio.netty.leakDetection.level=paranoid"); // a leaked buffer shows as "LEAK:" in the output
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(arguments);
        return CapturedProcess.start("tern", command);
    }

    /** The java executable of this JVM, so that the broker runs on the Java the tests run on. */
    static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * {@code tern.jar}: the system property {@code tern.jar} if set, else {@code tern-cli/target/tern.jar} found from
     * the working directory upwards (Maven runs tests in the module's directory).
     */
    static Path jar() {
        String configured = System.getProperty("tern.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("tern-cli/target/tern.jar"), dir.resolve("target/tern.jar"))) {
                if (Files.isRegularFile(candidate) && candidate.toString().contains("tern-cli")) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("tern-cli/target/tern.jar not found above " + System.getProperty("user.dir")
                + ". Build it first (mvn -pl tern-cli -am package -DskipTests), or point -Dtern.jar=PATH at it.");
    }

    private static String connectHost(String bound) {
        return switch (bound) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::" -> "::1";
            default -> bound;
        };
    }

    /** The address clients connect to. */
    public String host() {
        return host;
    }

    /** The port the broker reported in its ready line. */
    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** SIGTERM: asks the broker to stop cleanly. */
    public void terminate() {
        process.terminate();
    }

    /** SIGKILL: the broker dies at once, as in a crash or a power cut. */
    public void kill9() {
        process.kill();
    }

    /** Waits at most {@code timeout} for the broker to exit; returns its exit status. */
    public int awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    /** The broker's output (logs and ready line) so far. */
    public String output() {
        return process.output();
    }

    /** The underlying process, to wait for particular log lines. */
    public CapturedProcess process() {
        return process;
    }

    /** Kills the broker if it still runs, and deletes its data directory. */
    @Override
    public void close() {
        process.close();
        TestFiles.deleteRecursively(dataDir);
    }
}
