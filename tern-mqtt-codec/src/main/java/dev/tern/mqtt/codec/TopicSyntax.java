package dev.tern.mqtt.codec;

/**
 * Syntax of Topic Names and Topic Filters (section 4.7), including shared subscriptions {@code $share/{group}/{filter}}
 * (4.8.2). Only syntax: which topics a client may use is the broker's business.
 */
public final class TopicSyntax {
    private static final String SHARE_PREFIX = "$share/";

    private TopicSyntax() {}

    /** Rejects a Topic Name that is empty or contains a wildcard [MQTT-4.7.3-1] [MQTT-3.3.2-2]. */
    static void checkTopicName(String topic) {
        if (topic.isEmpty()) {
            throw MalformedPacketException.protocolError("MQTT-4.7.3-1", "Topic Name must not be empty");
        }
        if (!isValidTopicName(topic)) {
            throw MalformedPacketException.withReason(
                    ReasonCode.TOPIC_NAME_INVALID,
                    "MQTT-3.3.2-2",
                    "Topic Name must not contain wildcard characters: " + topic);
        }
    }

    /** Rejects an ill-formed Topic Filter [MQTT-4.7.1-1] [MQTT-4.7.1-2] [MQTT-4.7.3-1] and shared-subscription syntax. */
    static void checkTopicFilter(String filter) {
        FilterProblem problem = topicFilterProblem(filter);
        if (problem != null) {
            throw MalformedPacketException.malformed(problem.rule(), problem.message());
        }
    }

    /** A Topic Name: at least one character, no {@code +} or {@code #}. */
    public static boolean isValidTopicName(String topic) {
        return !topic.isEmpty() && topic.indexOf('+') < 0 && topic.indexOf('#') < 0;
    }

    /** A Topic Filter, plain or shared. */
    public static boolean isValidTopicFilter(String filter) {
        return topicFilterProblem(filter) == null;
    }

    /** Whether the filter names a shared subscription; its syntax is checked separately. */
    public static boolean isShared(String filter) {
        return filter.startsWith(SHARE_PREFIX);
    }

    /** The share name of a valid shared filter. */
    public static String shareName(String sharedFilter) {
        int end = sharedFilter.indexOf('/', SHARE_PREFIX.length());
        return sharedFilter.substring(SHARE_PREFIX.length(), end);
    }

    /** The topic filter inside a valid shared filter. */
    public static String sharedTopicFilter(String sharedFilter) {
        return sharedFilter.substring(sharedFilter.indexOf('/', SHARE_PREFIX.length()) + 1);
    }

    /** What is wrong with a filter: the rule broken and a message for the log. */
    private record FilterProblem(String rule, String message) {}

    /** The problem with an invalid filter, or {@code null} when it is valid. */
    private static FilterProblem topicFilterProblem(String filter) {
        if (filter.isEmpty()) {
            return new FilterProblem("MQTT-4.7.3-1", "Topic Filter must not be empty");
        }
        String plain = filter;
        if (isShared(filter)) {
            int groupEnd = filter.indexOf('/', SHARE_PREFIX.length());
            if (groupEnd < 0) {
                return new FilterProblem(
                        "MQTT-4.8.2-2", "a shared subscription needs a Topic Filter after $share/{ShareName}/");
            }
            String group = filter.substring(SHARE_PREFIX.length(), groupEnd);
            // [MQTT-4.8.2-1] ShareName MUST be at least one character and MUST NOT contain "/", "+" or "#".
            if (group.isEmpty() || group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
                return new FilterProblem(
                        "MQTT-4.8.2-1", "ShareName must be non-empty and must not contain '/', '+' or '#': " + filter);
            }
            plain = filter.substring(groupEnd + 1);
            if (plain.isEmpty()) {
                return new FilterProblem(
                        "MQTT-4.8.2-2", "a shared subscription needs a Topic Filter after $share/{ShareName}/");
            }
        }
        int length = plain.length();
        for (int i = 0; i < length; i++) {
            char c = plain.charAt(i);
            boolean startsLevel = i == 0 || plain.charAt(i - 1) == '/';
            boolean endsLevel = i == length - 1 || plain.charAt(i + 1) == '/';
            if (c == '+' && !(startsLevel && endsLevel)) {
                // [MQTT-4.7.1-2] The single-level wildcard ... MUST occupy an entire level of the filter.
                return new FilterProblem("MQTT-4.7.1-2", "'+' must occupy a whole topic level: " + filter);
            }
            if (c == '#' && !(startsLevel && i == length - 1)) {
                // [MQTT-4.7.1-1] The multi-level wildcard MUST be on its own or after a separator, and last.
                return new FilterProblem(
                        "MQTT-4.7.1-1", "'#' must be the last character and occupy a whole level: " + filter);
            }
        }
        return null;
    }
}
