package dev.tern.server.config;

/** Range checks for the configuration records, failing with a {@link ConfigException} that names the key. */
final class Checks {
    private Checks() {}

    static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw ConfigException.badValue(key, String.valueOf(value), wholeNumber(min, max));
        }
        return value;
    }

    static long range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw ConfigException.badValue(key, String.valueOf(value), wholeNumber(min, max));
        }
        return value;
    }

    static String notBlank(String key, String value, String expected) {
        if (value == null || value.isBlank()) {
            throw ConfigException.badValue(key, value == null ? "" : value, expected);
        }
        return value;
    }

    static <T> T present(String key, T value) {
        if (value == null) {
            throw ConfigException.aboutKey(key, key + " has no value; give it one or leave it out to use the default");
        }
        return value;
    }

    private static String wholeNumber(long min, long max) {
        if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
            return "a whole number of at least " + min;
        }
        return "a whole number from " + min + " to " + max;
    }
}
