package dev.tern.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * CPU seconds (user plus system, all threads) used so far by a process: another one through {@code /proc/PID/stat}
 * (Linux), this one through the JVM. Read at both ends of the measured interval; the difference is what the interval
 * cost, which on a shared machine is steadier than wall time.
 */
final class CpuTime {
    /**
     * {@code /proc} counts in clock ticks of USER_HZ, which the kernel ABI fixes at 100 on x86-64 and arm64 whatever
     * the kernel's own tick rate; Java cannot ask sysconf without native code, so it is a constant here.
     */
    static final double TICKS_PER_SECOND = 100;

    private CpuTime() {}

    /** The CPU seconds of process {@code pid}, or empty when it cannot be read (not Linux, process gone). */
    static OptionalDouble ofProcess(long pid) {
        if (pid < 0) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** The CPU seconds of this JVM. */
    static OptionalDouble ofThisProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            if (nanos >= 0) {
                return OptionalDouble.of(nanos / 1e9);
            }
        }
        return ofProcess(ProcessHandle.current().pid());
    }

    /**
     * utime + stime of a {@code /proc/PID/stat} line, fields 14 and 15. The command name (field 2) is in parentheses
     * and may itself hold spaces and parentheses, so fields are counted from the last ')'.
     */
    static double parseStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field N is fields[N - 3].
        long utime = Long.parseLong(fields[14 - 3]);
        long stime = Long.parseLong(fields[15 - 3]);
        return (utime + stime) / TICKS_PER_SECOND;
    }
}
