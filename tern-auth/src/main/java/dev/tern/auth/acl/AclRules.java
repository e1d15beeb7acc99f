package dev.tern.auth.acl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of an ACL file, grouped as Mosquitto groups them: {@code anonymous} (the {@code topic} lines before any
 * {@code user} line) apply to clients without a username; {@code users} to the named user only; {@code patterns}
 * (every {@code pattern} line, wherever it stands) to every client, after substituting {@code %u} and {@code %c}.
 */
public record AclRules(List<AclRule> anonymous, Map<String, List<AclRule>> users, List<AclRule> patterns) {
    public AclRules {
        anonymous = List.copyOf(Objects.requireNonNull(anonymous, "anonymous"));
        Map<String, List<AclRule>> copy = new HashMap<>();
        Objects.requireNonNull(users, "users").forEach((user, rules) -> copy.put(user, List.copyOf(rules)));
        users = Map.copyOf(copy);
        patterns = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
    }

    public int size() {
        return anonymous.size()
                + patterns.size()
                + users.values().stream().mapToInt(List::size).sum();
    }
}
