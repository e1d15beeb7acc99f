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
 * tests, on an ephemeral port of 127.0.0.1 with a temporary data directory ({@link #start(Map)}), or on a port and a
 * data directory the test chooses and keeps across restarts ({@link #startIn(Path, int, Map)}, for crash tests). It is
 * ready when it prints its ready line (docs/operations.md), which also names the port. For tests that need a real
 * process: signals, exit codes, crashes. Output goes to a log file under {@code target/test-processes} ({@link #log()}).
 */
public final class BrokerProcess implements AutoCloseable {
    /** The ready line: {@code Tern VERSION ready: MQTT on tcp HOST:PORT (data in DIR). Try: ...}. */
    static final Pattern READY = Pattern.compile("^Tern (\\S+) ready: MQTT on tcp (\\[[^\\]]+\\]|[^\\s:]+):(\\d+) ");

    /** A cold JVM on a busy two-core machine can take a while; a healthy start takes about a second. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** Exit status of a process that SIGKILL ended: 128 + 9, as a shell reports it and as Java's Process does. */
    public static final int KILLED_BY_SIGKILL = 128 + 9;

    /** The kernel reaps a SIGKILLed process at once; this only bounds the wait on a machine under heavy load. */
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

    private final CapturedProcess process;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final String host;
    private final int port;

    private BrokerProcess(CapturedProcess process, Path dataDir, boolean ownsDataDir, String host, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
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

    /**
     * Starts a broker with these settings (after the test defaults) and waits until it is ready. Its data directory is
     * a new temporary one, deleted by {@link #close()}.
     */
    public static BrokerProcess start(Map<String, String> settings) {
        Path dataDir = TestFiles.temporaryDirectory("tern-process-data");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("mqtt.tcp.port", "0");
        all.put("mqtt.tcp.bind", "127.0.0.1");
        all.put("data.dir", dataDir.toString());
        all.putAll(settings);
        return startReady(all, dataDir, true);
    }

    /**
     * Starts a broker on 127.0.0.1:{@code port} with its data in {@code dataDir} (created if missing) and these
     * settings (after the test defaults), and waits until it is ready. Made for restarts: after {@link #kill9()}, a
     * broker started again with the same directory and port finds what the first one stored, and clients reconnect to
     * the address they knew (the listener sets SO_REUSEADDR, so the port can be bound again at once). {@link #close()}
     * leaves {@code dataDir} alone: the test owns it (a JUnit {@code @TempDir}, say). Pick the port with {@link
     * FreePort#loopback()}.
     */
    public static BrokerProcess startIn(Path dataDir, int port, Map<String, String> settings) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("a fixed port is needed to restart on the same address, was " + port);
        }
        Path absolute = dataDir.toAbsolutePath();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("mqtt.tcp.port", Integer.toString(port));
        all.put("mqtt.tcp.bind", "127.0.0.1");
        all.put("data.dir", absolute.toString());
        all.putAll(settings);
        return startReady(all, absolute, false);
    }

    private static BrokerProcess startReady(Map<String, String> settings, Path dataDir, boolean ownsDataDir) {
        List<String> arguments = new ArrayList<>(List.of("start"));
        settings.forEach((key, value) -> arguments.addAll(List.of("--set", key + "=" + value)));
        CapturedProcess process = launch(arguments);
        try {
            String line = process.awaitLine(READY.asPredicate(), READY_TIMEOUT);
            Matcher ready = READY.matcher(line);
            if (!ready.find()) {
                throw new AssertionError("not a ready line: " + line);
            }
            String boundHost = ready.group(2).replace("[", "").replace("]", "");
            return new BrokerProcess(
                    process, dataDir, ownsDataDir, connectHost(boundHost), Integer.parseInt(ready.group(3)));
        } catch (RuntimeException | AssertionError e) {
            process.close();
            if (ownsDataDir) {
                TestFiles.deleteRecursively(dataDir);
            }
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

    /**
     * SIGKILL ({@code kill -9}): the broker dies at once, as in a crash, with no chance to flush or close anything.
     * Returns once the process is gone: reaped, so its sockets are closed and its file locks released, and a broker can
     * be started again on the same port and data directory. Returns its exit status: {@link #KILLED_BY_SIGKILL},
     * unless it had ended on its own before (a crash test may want to tell the two apart).
     */
    public int kill9() {
        process.kill();
        return process.awaitExit(KILL_TIMEOUT);
    }

    /** Waits at most {@code timeout} for the broker to exit; returns its exit status. */
    public int awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    /** The broker's output (logs and ready line) so far. */
    public String output() {
        return process.output();
    }

    /** The file that receives a copy of the broker's output, under {@code target/test-processes}: name it in failures. */
    public Path log() {
        return process.log();
    }

    /** The underlying process, to wait for particular log lines. */
    public CapturedProcess process() {
        return process;
    }

    /**
     * Kills the broker if it still runs, and deletes its data directory if it made it ({@link #start(Map)}); a
     * directory given to {@link #startIn(Path, int, Map)} is kept.
     */
    @Override
    public void close() {
        process.close();
        if (ownsDataDir) {
            TestFiles.deleteRecursively(dataDir);
        }
    }
}
