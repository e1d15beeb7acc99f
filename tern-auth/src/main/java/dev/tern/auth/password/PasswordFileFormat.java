package dev.tern.auth.password;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The password file's text: one {@code USER:CREDENTIAL[:CREDENTIAL]} line per user, where each credential is a
 * {@link ScramCredential} ({@code $scram-sha-512$...} or {@code $scram-sha-256$...}); blank lines and lines starting
 * with {@code #} are ignored. Like Mosquitto's password file, one user per line and {@code :} after the name; unlike
 * it, the hashes are SCRAM credentials (PBKDF2 inside), so that one file serves both plain passwords and SCRAM.
 */
public final class PasswordFileFormat {
    private PasswordFileFormat() {}

    /** Reads a whole file; the first bad line fails it all, naming the line (never the credential). */
    public static PasswordTable parse(List<String> lines) {
        Map<String, List<ScramCredential>> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected USER:HASH");
            }
            String user = line.substring(0, colon);
            String problem = usernameProblem(user);
            if (problem != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + problem);
            }
            if (users.containsKey(user)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": user '" + user + "' appears twice");
            }
            List<ScramCredential> credentials = new ArrayList<>();
            for (String field : line.substring(colon + 1).split(":", -1)) {
                ScramCredential credential;
                try {
                    credential = ScramCredential.decode(field);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + " (user '" + user + "'): " + e.getMessage());
                }
                if (credentials.stream().anyMatch(c -> c.mechanism() == credential.mechanism())) {
                    throw new IllegalArgumentException("line " + (i + 1) + " (user '" + user + "'): two "
                            + credential.mechanism().methodName() + " credentials");
                }
                credentials.add(credential);
            }
            users.put(user, List.copyOf(credentials));
        }
        return new PasswordTable(users);
    }

    /** The line of one user. */
    public static String line(String user, List<ScramCredential> credentials) {
        StringBuilder line = new StringBuilder(user);
        credentials.forEach(c -> line.append(':').append(c.encode()));
        return line.toString();
    }

    /** Why {@code user} cannot be in the file, or null when it can. */
    public static String usernameProblem(String user) {
        if (user.isEmpty()) {
            return "the username is empty";
        }
        if (user.indexOf(':') >= 0) {
            return "a username must not contain ':'";
        }
        if (!user.equals(user.strip())) {
            return "a username must not start or end with white space";
        }
        for (int i = 0; i < user.length(); i++) {
            if (Character.isISOControl(user.charAt(i))) {
                return "a username must not contain control characters";
            }
        }
        if (user.startsWith("#")) {
            return "a username must not start with '#' (it would read as a comment)";
        }
        return null;
    }
}
