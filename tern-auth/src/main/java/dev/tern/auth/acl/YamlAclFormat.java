package dev.tern.auth.acl;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same rules as {@link MosquittoAclFormat}, in YAML:
 *
 * <pre>
 * anonymous:                  # the topic lines before any user line
 *   - {topic: public/#, access: read}
 * users:                      # user NAME, then its topic lines
 *   alice:
 *     - {topic: sensors/#, access: readwrite}
 * patterns:                   # pattern lines, for every client
 *   - {topic: users/%u/#}
 * </pre>
 *
 * {@code access} is {@code read}, {@code write}, {@code readwrite} (when left out) or {@code deny}. Unknown keys are
 * errors.
 */
public final class YamlAclFormat {
    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlAclFormat() {}

    public static AclRules parse(String text) {
        JsonNode root;
        try {
            root = text.isBlank() ? null : YAML.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new AclRules(List.of(), Map.of(), List.of());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("expected a mapping with anonymous, users and patterns");
        }
        for (String key : iterable(root)) {
            if (!Set.of("anonymous", "users", "patterns").contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' (expected anonymous, users or patterns)");
            }
        }
        Map<String, List<AclRule>> users = new LinkedHashMap<>();
        JsonNode userNode = root.path("users");
        if (!userNode.isMissingNode() && !userNode.isNull()) {
            if (!userNode.isObject()) {
                throw new IllegalArgumentException("'users' must map each username to a list of rules");
            }
            userNode.properties()
                    .forEach(user -> users.put(user.getKey(), rules("users." + user.getKey(), user.getValue())));
        }
        return new AclRules(
                rules("anonymous", root.path("anonymous")), users, rules("patterns", root.path("patterns")));
    }

    private static List<AclRule> rules(String where, JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("'" + where + "' must be a list of rules");
        }
        List<AclRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode rule = list.get(i);
            String at = where + "[" + i + "]";
            if (!rule.isObject()) {
                throw new IllegalArgumentException(
                        at + ": expected {topic: FILTER, access: read|write|readwrite|deny}");
            }
            for (String key : iterable(rule)) {
                if (!Set.of("topic", "access").contains(key)) {
                    throw new IllegalArgumentException(at + ": unknown key '" + key + "' (expected topic and access)");
                }
            }
            JsonNode topic = rule.path("topic");
            if (!topic.isTextual() || topic.asText().isEmpty()) {
                throw new IllegalArgumentException(at + ": 'topic' must be a topic filter");
            }
            Access access = rule.has("access")
                    ? Access.ofWord(rule.get("access").asText())
                            .orElseThrow(() -> new IllegalArgumentException(
                                    at + ": access must be read, write, readwrite or deny"))
                    : Access.READWRITE;
            try {
                rules.add(new AclRule(access, topic.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
