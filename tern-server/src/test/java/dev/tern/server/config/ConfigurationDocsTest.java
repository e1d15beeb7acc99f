package dev.tern.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md tells the truth: every key, only real keys, the real defaults, a loadable example. */
class ConfigurationDocsTest {

    /** A table row: | `key` | `default` | meaning | example |. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z0-9_.]+)` \\| `([^`]*)` \\|");

    private static final Path DOC = Path.of(System.getProperty("user.dir")).resolve("../docs/configuration.md");

    @Test
    void everyKeyIsDocumentedWithItsRealDefaultAndNoOtherKeyIs() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(DOC));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }

        assertThat(documented).isEqualTo(defaults());
    }

    @Test
    void theDefaultsAsAFileLoadToTheDefaults() throws IOException {
        String doc = Files.readString(DOC);
        int section = doc.indexOf("## The defaults as a file");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        Path file = Files.createTempFile("tern-docs", ".yaml");
        try {
            Files.writeString(file, doc.substring(start, doc.indexOf("```", start)));

            assertThat(ConfigLoader.load(Optional.of(file), List.<String>of())).isEqualTo(TernConfig.defaults());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theCommandLineExamplesInTheTablesAreValid() throws IOException {
        // The last column of each key's row.
        Matcher example =
                Pattern.compile("(?m)\\| `--set ([a-z0-9_.]+=[^`]*)` \\|$").matcher(Files.readString(DOC));
        int valid = 0;
        while (example.find()) {
            ConfigLoader.load(Optional.empty(), List.of(example.group(1)));
            valid++;
        }
        assertThat(valid).isEqualTo(defaults().size());
    }

    @Test
    void theListenersExampleLoadsAndKeepsTheDocumentedDefaultsOfLeftOutKeys() throws IOException {
        String doc = Files.readString(DOC);
        int section = doc.indexOf("### More listeners: `mqtt.listeners`");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        Path file = Files.createTempFile("tern-docs-listeners", ".yaml");
        try {
            Files.writeString(file, doc.substring(start, doc.indexOf("```", start)));

            List<ListenerConfig> listeners = ConfigLoader.load(Optional.of(file), List.<String>of())
                    .mqtt()
                    .listeners();

            assertThat(listeners).isNotEmpty();
            ListenerConfig fewestKeys = listeners.getLast();
            assertThat(fewestKeys.bind()).isEqualTo("0.0.0.0");
            assertThat(fewestKeys.path()).isEqualTo("/mqtt");
            assertThat(fewestKeys.maxConnections()).isZero();
            assertThat(fewestKeys.proxyProtocol()).isFalse();
            assertThat(fewestKeys.clientAuth()).isEqualTo(ClientAuth.NONE);
        } finally {
            Files.delete(file);
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> leaves = new LinkedHashMap<>();
        collect("", ConfigLoader.defaultsTree(), leaves);
        return leaves;
    }

    private static void collect(String prefix, JsonNode node, Map<String, String> leaves) {
        node.properties().forEach(field -> {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject()) {
                collect(key, field.getValue(), leaves);
            } else if (field.getValue().isArray()) {
                // A list (mqtt.listeners) has no defaults: it has its own table of entry keys, tested above.
            } else {
                leaves.put(key, field.getValue().asText());
            }
        });
    }
}
