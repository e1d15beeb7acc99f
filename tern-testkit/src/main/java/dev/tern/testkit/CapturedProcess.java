package dev.tern.testkit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An external process whose standard output and error (merged) are read line by line as they come: copied to a log
 * file for diagnostics and kept in memory, so that a test can wait for a line (a ready line, a received message)
 * without sleeping. Closing it kills the process if it still runs.
 */
public final class CapturedProcess implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> lines = new ArrayList<>();
    private boolean outputEnded;

    private CapturedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}; {@code name} names its log file and its thread, such as {@code mosquitto_sub}. */
    public static CapturedProcess start(String name, List<String> command) {
        Path log = TestFiles.logDirectory()
                .resolve(name + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        CapturedProcess captured = new CapturedProcess(name, process, log);
        Thread pump = new Thread(captured::pump, name + "-output");
        pump.setDaemon(true);
        pump.start();
        return captured;
    }

    private void pump() {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                file.write(line);
                file.newLine();
                file.flush();
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process went away under the reader; what was read is kept.
        } finally {
            synchronized (this) {
                outputEnded = true;
                notifyAll();
            }
        }
    }

    /**
     * Waits for the first line (from the start of the output) that matches, at most {@code timeout}. Fails with the
     * tail of the output if the process ends without printing it or the time runs out.
     */
    public String awaitLine(Predicate<String> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                Optional<String> found = lines.stream().filter(matching).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (outputEnded || remainingMillis <= 0) {
                    throw new AssertionError((outputEnded ? name + " ended" : "timed out after " + timeout)
                            + " without printing the expected line" + describe());
                }
                try {
                    wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + name, e);
                }
            }
        }
    }

    /** Waits for the line that contains {@code text}. */
    public String awaitLineContaining(String text, Duration timeout) {
        return awaitLine(line -> line.contains(text), timeout);
    }

    /** Waits at most {@code timeout} for the process to end; fails if it does not. Returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs after " + timeout + describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name + " to end", e);
        }
        awaitOutputEnd(timeout);
        return process.exitValue();
    }

    private synchronized void awaitOutputEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long remaining;
        while (!outputEnded && (remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) > 0) {
            try {
                wait(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Asks the process to stop: SIGTERM on Linux and macOS. Sent through the process handle, because {@code
     * Process.destroy()} also closes our end of the output pipe, and what the process prints while it stops would be
     * lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Kills the process: SIGKILL on Linux and macOS, no chance to clean up. What it printed before is kept. */
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Every line printed so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything printed so far, one line per line. */
    public String output() {
        return String.join("\n", lines());
    }

    /** The file that receives a copy of the output. */
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String describe() {
        List<String> all = lines();
        List<String> tail = all.subList(Math.max(0, all.size() - TAIL_LINES), all.size());
        return "; last " + tail.size() + " lines of output (all in " + log + "):\n  " + String.join("\n  ", tail);
    }
}
