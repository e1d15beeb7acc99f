package dev.tern.auth.acl;

import dev.tern.api.topic.TopicFilter;
import java.util.Objects;

/**
 * One rule: {@code access} to the topics {@code filter} matches. The filter of a pattern rule may hold {@code %u} (the
 * username) and {@code %c} (the client identifier), substituted per client.
 */
public record AclRule(Access access, String filter) {
    public AclRule {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(filter, "filter");
        String problem = problem(filter);
        if (problem != null) {
            throw new IllegalArgumentException("'" + filter + "': " + problem);
        }
    }

    private static String problem(String filter) {
        if (filter.startsWith("$share/")) {
            // A shared subscription is checked by the filter inside it, so a rule names that filter.
            return "write the filter without '$share/GROUP/': rules apply to the filter inside a shared subscription";
        }
        // %u and %c stand for one whole name each: check the filter with a plain word in their place.
        String plain = filter.replace("%u", "u").replace("%c", "c");
        try {
            TopicFilter.of(plain);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
