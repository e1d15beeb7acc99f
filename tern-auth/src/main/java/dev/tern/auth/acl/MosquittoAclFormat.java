package dev.tern.auth.acl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an ACL file in Mosquitto's format: {@code user NAME}, {@code topic [read|write|readwrite|deny] FILTER} and
 * {@code pattern [read|write|readwrite|deny] FILTER}; blank lines and lines starting with {@code #} are comments. The
 * access word is optional (read and write when left out) unless the filter contains a space. Anything else is an error
 * that names the line: a typo in an ACL must not silently grant or withhold access.
 */
public final class MosquittoAclFormat {
    private MosquittoAclFormat() {}

    public static AclRules parse(List<String> lines) {
        List<AclRule> anonymous = new ArrayList<>();
        Map<String, List<AclRule>> users = new LinkedHashMap<>();
        List<AclRule> patterns = new ArrayList<>();
        List<AclRule> current = anonymous;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = firstSpace(line);
            String keyword = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            try {
                switch (keyword) {
                    case "user" -> {
                        if (rest.isEmpty()) {
                            throw new IllegalArgumentException("'user' needs a username");
                        }
                        current = users.computeIfAbsent(rest, name -> new ArrayList<>());
                    }
                    case "topic" -> current.add(rule(rest));
                    case "pattern" -> patterns.add(rule(rest));
                    default ->
                        throw new IllegalArgumentException(
                                "unknown keyword '" + keyword + "' (expected user, topic or pattern)");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new AclRules(anonymous, users, patterns);
    }

    private static AclRule rule(String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("a topic filter is missing");
        }
        int space = firstSpace(rest);
        if (space > 0) {
            Optional<Access> access = Access.ofWord(rest.substring(0, space));
            if (access.isPresent()) {
                return new AclRule(access.get(), rest.substring(space + 1).strip());
            }
        }
        if (Access.ofWord(rest).isPresent()) {
            throw new IllegalArgumentException("'" + rest + "' needs a topic filter after it");
        }
        return new AclRule(Access.READWRITE, rest);
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
