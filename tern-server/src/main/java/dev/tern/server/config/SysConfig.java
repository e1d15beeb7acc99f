package dev.tern.server.config;

/**
 * The {@code $SYS} topics (key {@code sys.*}).
 *
 * @param interval seconds between two publications of the {@code $SYS} topics; 0 turns them off
 */
public record SysConfig(int interval) {
    /** A day: anything longer is certainly a typo. */
    private static final int MAX_INTERVAL = 86_400;

    public SysConfig {
        Checks.range("sys.interval", interval, 0, MAX_INTERVAL);
    }

    static SysConfig defaults(int interval) {
        return new SysConfig(interval);
    }
}
