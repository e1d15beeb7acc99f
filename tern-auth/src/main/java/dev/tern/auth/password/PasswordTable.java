package dev.tern.auth.password;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The users of a password file and their credentials, one per SCRAM mechanism at most. */
public record PasswordTable(Map<String, List<ScramCredential>> users) {
    public PasswordTable {
        Map<String, List<ScramCredential>> copy = new java.util.HashMap<>();
        users.forEach((user, credentials) -> copy.put(user, List.copyOf(credentials)));
        users = Map.copyOf(copy);
    }

    public static PasswordTable empty() {
        return new PasswordTable(Map.of());
    }

    /** The credential that checks a plain password: SHA-512's when the user has one (the stronger hash). */
    public Optional<ScramCredential> forPassword(String username) {
        List<ScramCredential> credentials = users.getOrDefault(username, List.of());
        return credentials.stream()
                .filter(c -> c.mechanism() == ScramMechanism.SHA_512)
                .findFirst()
                .or(() -> credentials.stream().findFirst());
    }

    /** The user's credential for {@code mechanism}, if the file holds one. */
    public Optional<ScramCredential> forMechanism(String username, ScramMechanism mechanism) {
        return users.getOrDefault(username, List.of()).stream()
                .filter(c -> c.mechanism() == mechanism)
                .findFirst();
    }

    public int size() {
        return users.size();
    }
}
