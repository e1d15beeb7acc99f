package dev.tern.server;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as requests to stop. Handling them ourselves (rather than only with a shutdown hook) replaces the
 * JVM's default reaction, which runs the hooks and then exits with 143 or 130: a broker asked to stop that stops
 * cleanly should exit with 0, as service managers expect. {@code sun.misc.Signal} lives in the {@code jdk.unsupported}
 * module, which every JDK ships and exports for exactly this use.
 */
final class StopSignals {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private StopSignals() {}

    /**
     * Calls {@code onSignal} with the signal's name ({@code SIGTERM}, {@code SIGINT}) on a JVM signal thread. Returns
     * false when a signal cannot be handled (the JVM runs with {@code -Xrs}, or the platform lacks it); the shutdown
     * hook still stops the broker then, with the JVM's exit status.
     */
    static boolean install(Consumer<String> onSignal) {
        boolean all = true;
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> onSignal.accept("SIG" + signal.getName()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("cannot handle SIG{}: {}", name, e.getMessage());
                all = false;
            }
        }
        return all;
    }
}
