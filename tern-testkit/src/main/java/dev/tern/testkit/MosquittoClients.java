package dev.tern.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mosquitto's command-line clients ({@code mosquitto_sub}, {@code mosquitto_pub}, Debian package mosquitto-clients,
 * installed by {@code .ci/run}) as captured processes: interoperability peers that nobody here wrote. With {@code -d},
 * {@code mosquitto_sub} prints {@code received SUBACK} once subscribed: wait for that line before publishing.
 */
public final class MosquittoClients {
    public static final String SUB = "mosquitto_sub";
    public static final String PUB = "mosquitto_pub";

    private MosquittoClients() {}

    /** Whether both clients are on the PATH. */
    public static boolean installed() {
        return find(SUB).isPresent() && find(PUB).isPresent();
    }

    /** What to tell a developer whose machine lacks them. */
    public static String installHint() {
        return "mosquitto_sub/mosquitto_pub are not on the PATH: install them (sudo apt-get install mosquitto-clients;"
                + " .ci/run does) to run the interoperability tests";
    }

    /** Starts {@code mosquitto_sub ARGUMENTS}. */
    public static CapturedProcess sub(String... arguments) {
        return start(SUB, arguments);
    }

    /** Starts {@code mosquitto_pub ARGUMENTS}. */
    public static CapturedProcess pub(String... arguments) {
        return start(PUB, arguments);
    }

    private static CapturedProcess start(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        // Into a pipe, the clients' stdout is block-buffered: their -d lines ("received SUBACK") would arrive only when
        // they exit, too late to wait for. stdbuf (coreutils) makes it line-buffered.
        find("stdbuf").ifPresent(stdbuf -> command.addAll(List.of(stdbuf.toString(), "-oL")));
        command.add(find(tool).map(Path::toString).orElseThrow(() -> new IllegalStateException(installHint())));
        command.addAll(List.of(arguments));
        return CapturedProcess.start(tool, command);
    }

    private static Optional<Path> find(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
