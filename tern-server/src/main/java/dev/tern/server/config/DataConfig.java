package dev.tern.server.config;

/**
 * Where the broker keeps its files (key {@code data.dir}).
 *
 * @param dir the data directory, relative to the working directory unless absolute; created at start when missing
 */
public record DataConfig(String dir) {
    public DataConfig {
        Checks.notBlank("data.dir", dir, "a directory path, such as ./data or /var/lib/tern");
    }

    static DataConfig defaults() {
        return new DataConfig("./data");
    }
}
