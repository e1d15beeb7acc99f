package dev.tern.auth.acl;

import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;

/**
 * A rule's filter once placeholders are substituted, with the three questions the engine asks of it. Levels are
 * compared as whole strings, so {@code +} and {@code #} are wildcards only as whole levels written in the rule: a
 * substituted name never contains them (see {@link PatternSubstitution}).
 *
 * <p>Like a subscription, a rule whose first level is a wildcard never matches a topic starting with {@code $}
 * ([MQTT-4.7.2-1] applied to rules): {@code topic read #} does not open {@code $SYS}; only a rule that names it does.
 */
final class AclFilter {
    private static final String ONE = "+";
    private static final String ALL = "#";

    private final TopicFilter filter;
    private final String[] levels;

    AclFilter(String text) {
        this.filter = TopicFilter.of(text);
        this.levels = text.split("/", -1);
    }

    String text() {
        return filter.filter();
    }

    /** Whether the rule applies to {@code topic}. */
    boolean matches(TopicName topic) {
        return filter.matches(topic);
    }

    /** Whether every topic {@code other} can match, this rule matches too: the rule covers the whole subscription. */
    boolean covers(String[] other) {
        if (isWildcard(levels[0]) && !isWildcard(other[0]) && other[0].startsWith("$")) {
            return false;
        }
        for (int i = 0; ; i++) {
            if (i < levels.length && levels[i].equals(ALL)) {
                return true;
            }
            if (i == other.length) {
                return i == levels.length;
            }
            if (other[i].equals(ALL) || i == levels.length) {
                return false;
            }
            if (other[i].equals(ONE) ? !levels[i].equals(ONE) : !levels[i].equals(ONE) && !levels[i].equals(other[i])) {
                return false;
            }
        }
    }

    /** Whether some topic matches both this rule and {@code other}. */
    boolean intersects(String[] other) {
        if (isWildcard(levels[0]) && !isWildcard(other[0]) && other[0].startsWith("$")
                || isWildcard(other[0]) && !isWildcard(levels[0]) && levels[0].startsWith("$")) {
            return false;
        }
        for (int i = 0; ; i++) {
            if (i < levels.length && levels[i].equals(ALL) || i < other.length && other[i].equals(ALL)) {
                return true;
            }
            if (i == levels.length || i == other.length) {
                return levels.length == other.length;
            }
            if (!levels[i].equals(ONE) && !other[i].equals(ONE) && !levels[i].equals(other[i])) {
                return false;
            }
        }
    }

    static String[] levelsOf(TopicFilter subscription) {
        return subscription.filter().split("/", -1);
    }

    private static boolean isWildcard(String level) {
        return level.equals(ONE) || level.equals(ALL);
    }

    @Override
    public String toString() {
        return text();
    }
}
