package dev.tern.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a failure to bind the configuration tree onto the records into a {@link ConfigException} that names the key,
 * the value, where it came from, and what the key takes.
 */
final class BindingErrors {
    private BindingErrors() {}

    static ConfigException translate(JsonMappingException failure, ConfigTree tree) {
        ConfigException fromRecord = findConfigException(failure);
        if (fromRecord != null) {
            return withOrigin(fromRecord, tree);
        }
        String key = failure.getPath().stream()
                .map(BindingErrors::segment)
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (failure instanceof MismatchedInputException mismatch && !key.isEmpty()) {
            String value = valueAt(tree.values(), key);
            return withOrigin(ConfigException.badValue(key, value, expected(mismatch.getTargetType())), tree);
        }
        return ConfigException.of(
                "invalid configuration" + (key.isEmpty() ? "" : " at " + key) + ": " + failure.getOriginalMessage());
    }

    /** A key's segment, or {@code [i]} for the i-th entry of a list (such as mqtt.listeners[0].port). */
    private static String segment(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]";
    }

    private static ConfigException withOrigin(ConfigException problem, ConfigTree tree) {
        return problem.key().flatMap(tree::originOf).map(problem::from).orElse(problem);
    }

    /** A record's own check, thrown from its constructor and wrapped by Jackson. */
    private static ConfigException findConfigException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException problem) {
                return problem;
            }
        }
        return null;
    }

    private static String valueAt(JsonNode root, String key) {
        JsonNode node = root;
        for (String segment : key.replace("[", ".[").split("\\.")) {
            node = segment.startsWith("[")
                    ? node.path(Integer.parseInt(segment.substring(1, segment.length() - 1)))
                    : node.path(segment);
        }
        return node.asText();
    }

    /** What a value of {@code type} looks like, in the user's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", enumNames(type));
        }
        if (type == String.class) {
            return "text";
        }
        return "a value of type " + type.getSimpleName();
    }

    private static List<String> enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            Enum<?> value = (Enum<?>) constant;
            try {
                JsonProperty property = type.getField(value.name()).getAnnotation(JsonProperty.class);
                names.add(property == null ? value.name() : property.value());
            } catch (NoSuchFieldException e) {
                names.add(value.name());
            }
        }
        return names;
    }
}
