package dev.tern.api.topic;

import java.util.Objects;
import java.util.Optional;

/**
 * A subscription's filter: levels separated by {@code /}, where {@code +} matches exactly one level and {@code #}
 * (last, whole level) matches any number of levels including the parent [MQTT-4.7.1-1] [MQTT-4.7.1-2]. A shared
 * subscription {@code $share/{group}/{filter}} is held as its group and its inner filter (MQTT section 4.8.2).
 */
public record TopicFilter(String filter, Optional<String> shareGroup) {
    private static final String SHARE_PREFIX = "$share/";

    public TopicFilter {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(shareGroup, "shareGroup");
        String problem = problem(filter);
        if (problem != null) {
            throw new IllegalArgumentException("not a valid topic filter: '" + filter + "': " + problem);
        }
        shareGroup.ifPresent(group -> {
            if (group.isEmpty() || group.indexOf('/') >= 0 || group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
                throw new IllegalArgumentException(
                        "not a valid share name: '" + group + "' (non-empty, without '/', '+' or '#')");
            }
        });
    }

    /** A non-shared filter. */
    public static TopicFilter of(String filter) {
        return new TopicFilter(filter, Optional.empty());
    }

    /** Parses a filter as a client writes it, {@code $share/{group}/{filter}} included. */
    public static TopicFilter parse(String text) {
        if (text.startsWith(SHARE_PREFIX)) {
            int groupEnd = text.indexOf('/', SHARE_PREFIX.length());
            if (groupEnd < 0) {
                throw new IllegalArgumentException(
                        "not a valid shared subscription: '" + text + "' (expected $share/{group}/{filter})");
            }
            return new TopicFilter(
                    text.substring(groupEnd + 1), Optional.of(text.substring(SHARE_PREFIX.length(), groupEnd)));
        }
        return of(text);
    }

    /** Whether {@code text} is a valid filter, shared or not. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isShared() {
        return shareGroup.isPresent();
    }

    public boolean hasWildcard() {
        return filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0;
    }

    /** The filter as a client writes it. */
    public String text() {
        return shareGroup.map(group -> SHARE_PREFIX + group + "/" + filter).orElse(filter);
    }

    /**
     * Whether a message published to {@code topic} matches this filter. Level by level, without splitting strings: this
     * is the reference semantics that the core's topic index must agree with.
     */
    public boolean matches(TopicName topic) {
        String name = topic.value();
        // [MQTT-4.7.2-1] a filter starting with a wildcard does not match a topic starting with '$'.
        if (topic.isSystem() && (filter.charAt(0) == '+' || filter.charAt(0) == '#')) {
            return false;
        }
        int f = 0;
        int n = 0;
        while (true) {
            if (f < filter.length() && filter.charAt(f) == '#') {
                return true; // '#' matches the rest, including nothing: "a/#" matches "a"
            }
            int filterEnd = levelEnd(filter, f);
            int nameEnd = levelEnd(name, n);
            if (!(filterEnd - f == 1 && filter.charAt(f) == '+')
                    && !filter.regionMatches(f, name, n, Math.max(filterEnd - f, nameEnd - n))) {
                return false;
            }
            boolean filterDone = filterEnd == filter.length();
            boolean nameDone = nameEnd == name.length();
            if (nameDone) {
                // "a/#" matches "a": the only way the filter may go on after the name ends.
                return filterDone || filter.regionMatches(filterEnd, "/#", 0, 2) && filterEnd + 2 == filter.length();
            }
            if (filterDone) {
                return false;
            }
            f = filterEnd + 1;
            n = nameEnd + 1;
        }
    }

    private static int levelEnd(String s, int from) {
        int slash = s.indexOf('/', from);
        return slash < 0 ? s.length() : slash;
    }

    private static String problem(String filter) {
        if (filter.isEmpty()) {
            return "a topic filter must not be empty";
        }
        if (filter.indexOf('\u0000') >= 0) {
            return "a topic filter must not contain U+0000";
        }
        int length = filter.length();
        for (int i = 0; i < length; i++) {
            char c = filter.charAt(i);
            boolean startsLevel = i == 0 || filter.charAt(i - 1) == '/';
            boolean endsLevel = i == length - 1 || filter.charAt(i + 1) == '/';
            if (c == '+' && !(startsLevel && endsLevel)) {
                return "'+' must occupy a whole level";
            }
            if (c == '#' && !(startsLevel && i == length - 1)) {
                return "'#' must be last and occupy a whole level";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text();
    }
}
