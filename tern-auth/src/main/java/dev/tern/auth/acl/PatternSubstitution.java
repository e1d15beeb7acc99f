package dev.tern.auth.acl;

import java.util.Optional;

/**
 * Puts a client's username and client identifier into a pattern rule ({@code %u}, {@code %c}), without letting the
 * names widen anything. A name is only ever a literal part of a level; a name that is empty or contains {@code /},
 * {@code +}, {@code #} or U+0000 could be read as other levels or as a wildcard, so:
 *
 * <ul>
 *   <li>an allow rule with such a name grants nothing (user {@code a/b} must not get into user {@code a}'s
 *       {@code users/a/b/#}, nor client {@code #} into every client's space);
 *   <li>a deny rule with such a name denies at least what any reading of it would: from the level holding the name
 *       on, it becomes {@code #}.
 * </ul>
 *
 * A name that would make a rule's first level start with {@code $} counts as unsafe too (client {@code $SYS} must not
 * read {@code $SYS/#} through {@code pattern read %c/#}). A pattern naming {@code %u} does not apply to a client without a username, as in Mosquitto.
 */
final class PatternSubstitution {
    private PatternSubstitution() {}

    /** The rule for this client, or empty when it does not apply to it. */
    static Optional<AclFilter> apply(AclRule rule, Optional<String> username, String clientId) {
        String text = rule.filter();
        if (!text.contains("%u") && !text.contains("%c")) {
            return Optional.of(new AclFilter(text));
        }
        if (text.contains("%u") && username.isEmpty()) {
            return Optional.empty();
        }
        String[] levels = text.split("/", -1);
        StringBuilder substituted = new StringBuilder();
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            String replaced = replace(level, username.orElse(""), clientId);
            boolean unsafe = level.contains("%u") && !isSafe(username.get())
                    || level.contains("%c") && !isSafe(clientId)
                    // A name must not turn the rule into one about $SYS or another '$' topic.
                    || i == 0 && !level.startsWith("$") && replaced.startsWith("$");
            if (unsafe) {
                if (rule.access() != Access.DENY) {
                    return Optional.empty();
                }
                substituted.append('#');
                return Optional.of(new AclFilter(substituted.toString()));
            }
            substituted.append(replaced);
            if (i < levels.length - 1) {
                substituted.append('/');
            }
        }
        return Optional.of(new AclFilter(substituted.toString()));
    }

    static boolean isSafe(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '\u0000') {
                return false;
            }
        }
        return true;
    }

    /** Replaces in one pass, so that a username containing "%c" is not substituted again. */
    private static String replace(String level, String username, String clientId) {
        StringBuilder out = new StringBuilder(level.length() + 16);
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            if (c == '%' && i + 1 < level.length() && (level.charAt(i + 1) == 'u' || level.charAt(i + 1) == 'c')) {
                out.append(level.charAt(i + 1) == 'u' ? username : clientId);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
