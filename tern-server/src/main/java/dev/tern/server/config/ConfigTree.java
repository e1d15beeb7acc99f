package dev.tern.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration as a tree of sections and values, built up from the defaults, then a file, then {@code --set}
 * overrides. The tree of defaults doubles as the schema: a key is valid exactly when the defaults have a value there,
 * so an unknown key fails here, with a suggestion, before any binding. Every value is kept as text, whether it came
 * from YAML or from the command line, so that both are converted and checked the same way when bound.
 */
final class ConfigTree {
    private final ObjectNode schema;
    private final ObjectNode values;
    private final Map<String, String> origins = new HashMap<>();

    ConfigTree(ObjectNode defaults) {
        this.schema = defaults;
        this.values = defaults.deepCopy();
    }

    ObjectNode values() {
        return values;
    }

    /** Where the value of {@code key} came from, such as {@code --set mqtt.tcp.port=1884}; empty for defaults. */
    Optional<String> originOf(String key) {
        return Optional.ofNullable(origins.get(key));
    }

    /** Sets one value by its dotted key. */
    void set(String key, String value, String origin) {
        JsonNode expected = schemaAt(key, origin);
        if (expected.isObject()) {
            throw ConfigException.aboutKey(
                    key,
                    "'" + key + "' is a section, not a single setting (" + origin + "); set its keys one at a time: "
                            + String.join(", ", KeySuggestions.leafKeys(expected, key)));
        }
        if (expected.isArray()) {
            throw ConfigException.aboutKey(
                    key,
                    "'" + key + "' is a list (" + origin + "); write it in the configuration file (--config), as"
                            + " docs/configuration.md shows");
        }
        String[] segments = key.split("\\.");
        ObjectNode section = values;
        for (int i = 0; i < segments.length - 1; i++) {
            section = (ObjectNode) section.get(segments[i]);
        }
        section.set(segments[segments.length - 1], TextNode.valueOf(value));
        origins.put(key, origin);
    }

    /** Merges a parsed YAML document: sections are walked into, dotted names are allowed at any level. */
    void merge(JsonNode document, String origin) {
        if (document == null || document.isMissingNode() || document.isNull()) {
            return; // an empty file configures nothing
        }
        if (!document.isObject()) {
            throw ConfigException.of("the configuration (" + origin + ") must be a mapping of keys to values, such as"
                    + " 'mqtt:' followed by indented 'tcp:' and 'port: 1883'; found " + describe(document));
        }
        merge("", document, origin);
    }

    private void merge(String prefix, JsonNode section, String origin) {
        for (Map.Entry<String, JsonNode> field : section.properties()) {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            JsonNode expected = schemaAt(key, origin);
            if (value.isObject()) {
                if (!expected.isObject()) {
                    throw ConfigException.aboutKey(key, key + " takes a single value, not a section (" + origin + ")");
                }
                merge(key, value, origin);
            } else if (value.isNull()) {
                throw ConfigException.aboutKey(
                        key, key + " has no value (" + origin + "); give it one or remove the line to use the default");
            } else if (value.isArray()) {
                if (!expected.isArray()) {
                    throw ConfigException.aboutKey(key, key + " takes a single value, not a list (" + origin + ")");
                }
                setList(key, (ArrayNode) value, origin);
            } else {
                set(key, value.asText(), origin);
            }
        }
    }

    /**
     * Sets a list of sections (such as {@code mqtt.listeners}) as a whole: a list replaces the default (empty) one.
     * Each entry must be a mapping of single values, kept as text like every other value; which keys an entry takes
     * is checked when the tree is bound, against the entry's record.
     */
    private void setList(String key, ArrayNode list, String origin) {
        ArrayNode entries = values.arrayNode();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw ConfigException.aboutKey(
                        key, key + ": entry " + (i + 1) + " must be a mapping of keys to values (" + origin + ")");
            }
            ObjectNode copy = entries.addObject();
            for (Map.Entry<String, JsonNode> field : entry.properties()) {
                JsonNode value = field.getValue();
                if (value.isContainerNode() || value.isNull()) {
                    throw ConfigException.aboutKey(
                            key,
                            key + ": entry " + (i + 1) + ", " + field.getKey() + " must be a single value (" + origin
                                    + ")");
                }
                copy.set(field.getKey(), TextNode.valueOf(value.asText()));
            }
        }
        String[] segments = key.split("\\.");
        ObjectNode section = values;
        for (int i = 0; i < segments.length - 1; i++) {
            section = (ObjectNode) section.get(segments[i]);
        }
        section.set(segments[segments.length - 1], entries);
        origins.put(key, origin);
    }

    /** The defaults' node at {@code key}: a section or a value; fails for a key that does not exist. */
    private JsonNode schemaAt(String key, String origin) {
        if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw ConfigException.of("'" + key + "' is not a configuration key (" + origin + "); keys are dotted"
                    + " names such as mqtt.tcp.port");
        }
        JsonNode node = schema;
        for (String segment : key.split("\\.")) {
            node = node.isObject() ? node.get(segment) : null;
            if (node == null) {
                throw unknownKey(key, origin);
            }
        }
        return node;
    }

    private ConfigException unknownKey(String key, String origin) {
        List<String> suggestions = KeySuggestions.closest(key, KeySuggestions.leafKeys(schema, ""));
        StringBuilder message = new StringBuilder("unknown configuration key '")
                .append(key)
                .append("' (")
                .append(origin)
                .append(")");
        if (!suggestions.isEmpty()) {
            message.append(". Did you mean ")
                    .append(quotedAlternatives(suggestions))
                    .append('?');
        }
        message.append(suggestions.isEmpty() ? ". " : " ").append("Every key is listed in docs/configuration.md.");
        return ConfigException.aboutKey(key, message.toString());
    }

    private static String quotedAlternatives(List<String> keys) {
        List<String> quoted = new ArrayList<>();
        keys.forEach(key -> quoted.add("'" + key + "'"));
        return String.join(" or ", quoted);
    }

    private static String describe(JsonNode node) {
        return node.isArray() ? "a list" : "the single value '" + node.asText() + "'";
    }
}
