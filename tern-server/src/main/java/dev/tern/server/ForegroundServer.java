package dev.tern.server;

import dev.tern.server.config.ConfigException;
import dev.tern.server.config.ConfigLoader;
import dev.tern.server.config.TernConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tern start}: reads the configuration, starts the broker, prints the ready line, and runs until SIGTERM or
 * SIGINT, then stops it cleanly and returns 0. A shutdown hook stops it too when the JVM ends any other way.
 */
public final class ForegroundServer {
    /** Stopped cleanly after a signal. */
    public static final int STOPPED = 0;
    /** The broker could not start (a port in use, an unusable data directory). */
    public static final int START_FAILED = 1;
    /** The configuration is wrong: nothing was started. */
    public static final int BAD_CONFIGURATION = 2;

    private static final Logger log = LoggerFactory.getLogger(ForegroundServer.class);

    private ForegroundServer() {}

    /**
     * Runs the broker until it is told to stop. Errors go to {@code err} as one paragraph that says what to fix; the
     * ready line goes to {@code out}.
     */
    public static int run(Optional<Path> configFile, List<String> setArguments, PrintWriter out, PrintWriter err) {
        TernServer server;
        try {
            TernConfig config = ConfigLoader.load(configFile, setArguments);
            server = TernServer.start(config);
        } catch (ConfigException e) {
            err.println("tern start: " + e.getMessage());
            err.println("Every key, its default and the values it takes are in docs/configuration.md.");
            err.flush();
            return BAD_CONFIGURATION;
        } catch (StartException e) {
            err.println("tern start: " + e.getMessage());
            err.flush();
            return START_FAILED;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicReference<String> reason = new AtomicReference<>("shutdown");
        StopSignals.install(signal -> {
            reason.compareAndSet("shutdown", signal);
            stopRequested.countDown();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tern-shutdown"));

        out.println(server.readyLine());
        out.flush();
        awaitUninterruptibly(stopRequested);
        log.info("Received {}: stopping", reason.get());
        server.close();
        return STOPPED;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // only a signal stops the broker
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
