package dev.tern.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the configuration: the defaults, then the YAML file if there is one, then each {@code --set key=value} in
 * order, the last word winning. Keys are dotted paths into the same tree in both ({@code mqtt.tcp.port} is
 * {@code mqtt:} / {@code tcp:} / {@code port:} in YAML). Anything wrong fails with a {@link ConfigException} that says
 * what to change.
 */
public final class ConfigLoader {
    /** Binds the tree onto the records: snake_case keys, strict about what may become a number or a flag. */
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS) // TRUE and Drop_New mean what they say
            .build();

    static {
        // "--set mqtt.tcp.port=" must not quietly mean port 0.
        BINDER.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    private static final YAMLMapper YAML = new YAMLMapper();

    private ConfigLoader() {}

    /** The configuration from an optional file and {@code --set} arguments, each of the form {@code key=value}. */
    public static TernConfig load(Optional<Path> file, List<String> setArguments) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String argument : setArguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                throw ConfigException.of(
                        "--set " + argument + ": expected key=value, such as --set mqtt.tcp.port=1884");
            }
            // Repeating a key keeps the last value, as a later --set overrides an earlier one.
            overrides.remove(argument.substring(0, equals).strip());
            overrides.put(
                    argument.substring(0, equals).strip(),
                    argument.substring(equals + 1).strip());
        }
        return load(file, overrides);
    }

    /** The configuration from an optional file and overrides by dotted key, applied in the map's order. */
    public static TernConfig load(Optional<Path> file, Map<String, String> overrides) {
        ConfigTree tree = new ConfigTree(defaultsTree());
        file.ifPresent(path -> tree.merge(readYaml(path), "in config file " + path));
        overrides.forEach((key, value) -> tree.set(key, value, "from --set " + key + "=" + value));
        return bind(tree);
    }

    /** The defaults as a tree: the schema every key is checked against. */
    static ObjectNode defaultsTree() {
        return BINDER.valueToTree(TernConfig.defaults());
    }

    private static TernConfig bind(ConfigTree tree) {
        try {
            return BINDER.treeToValue(tree.values(), TernConfig.class);
        } catch (JsonMappingException e) {
            throw BindingErrors.translate(e, tree);
        } catch (JacksonException e) {
            throw ConfigException.of("invalid configuration: " + e.getOriginalMessage());
        }
    }

    private static JsonNode readYaml(Path path) {
        try {
            String text = Files.readString(path);
            return text.isBlank() ? null : YAML.readTree(text);
        } catch (NoSuchFileException e) {
            throw ConfigException.of("config file not found: " + path.toAbsolutePath()
                    + ". Check the path given to --config, or leave --config out to start with the defaults.");
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw ConfigException.of(
                    "config file " + path + " is not valid YAML" + position + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ConfigException.of("cannot read config file " + path + ": " + e);
        }
    }
}
