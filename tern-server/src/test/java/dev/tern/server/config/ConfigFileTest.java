package dev.tern.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML file: what it sets, dotted keys in it, and what is wrong with it. */
class ConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void aYamlFileSetsTheKeysItNamesAndLeavesTheOthersAtTheirDefaults() throws IOException {
        Path file = yaml("""
                mqtt:
                  tcp:
                    port: 1884
                  max_keepalive: 300
                  queue_overflow: drop_oldest
                  queue_qos0_offline: true
                  max_session_expiry: 4294967295
                limits:
                  max_connections: 50
                data:
                  dir: /var/lib/tern
                sys:
                  interval: 0
                auth:
                  allow_anonymous: true
                """);

        TernConfig config = load(file);

        assertThat(config.mqtt().tcp().port()).isEqualTo(1884);
        assertThat(config.mqtt().tcp().bind()).isEqualTo("0.0.0.0");
        assertThat(config.mqtt().maxKeepalive()).isEqualTo(300);
        assertThat(config.mqtt().queueOverflow()).isEqualTo(MqttConfig.QueueOverflow.DROP_OLDEST);
        assertThat(config.mqtt().queueQos0Offline()).isTrue();
        assertThat(config.mqtt().maxSessionExpiry()).isEqualTo(4_294_967_295L);
        assertThat(config.limits().maxConnections()).isEqualTo(50);
        assertThat(config.limits().maxTopicLevels())
                .isEqualTo(TernConfig.defaults().limits().maxTopicLevels());
        assertThat(config.data().dir()).isEqualTo("/var/lib/tern");
        assertThat(config.sys().interval()).isZero();
        assertThat(config.auth().allowAnonymous()).isEqualTo(AuthConfig.AllowAnonymous.TRUE);
    }

    @Test
    void dottedKeysWorkInTheYamlFileAsTheyDoWithSet() throws IOException {
        Path file = yaml("""
                mqtt.tcp.port: 1885
                mqtt:
                  tcp.bind: 127.0.0.1
                """);

        TernConfig config = load(file);

        assertThat(config.mqtt().tcp().port()).isEqualTo(1885);
        assertThat(config.mqtt().tcp().bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void setOverridesTheFileAndALaterSetWinsOverAnEarlierOne() throws IOException {
        Path file = yaml("mqtt:\n  tcp:\n    port: 1884\n  receive_maximum: 10\n");

        TernConfig config = load(
                file,
                "mqtt.tcp.port=1886",
                "mqtt.receive_maximum=20",
                "mqtt.receive_maximum=30",
                "data.dir=/tmp/tern data");

        assertThat(config.mqtt().tcp().port()).isEqualTo(1886);
        assertThat(config.mqtt().receiveMaximum()).isEqualTo(30);
        assertThat(config.data().dir()).isEqualTo("/tmp/tern data");
    }

    @Test
    void anUnknownKeyInTheFileNamesTheFile() throws IOException {
        Path file = yaml("mqtt:\n  tcp:\n    prot: 1884\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown configuration key 'mqtt.tcp.prot' (in config file " + file + ")");
    }

    @Test
    void aValueOutOfRangeInTheFileNamesTheFile() throws IOException {
        Path file = yaml("mqtt:\n  tcp:\n    port: 70000\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("mqtt.tcp.port: '70000' is not a valid value (in config file " + file + "); expected a"
                        + " whole number from 0 to 65535");
    }

    @Test
    void aFractionIsNotAWholeNumber() throws IOException {
        Path file = yaml("mqtt:\n  max_inflight: 10.5\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("mqtt.max_inflight: '10.5' is not a valid value");
    }

    @Test
    void aValueWhereASectionBelongsAndAnEmptyValueInTheFileAreRefused() throws IOException {
        Path scalarSection = yaml("mqtt: 1883\n");
        Path emptyValue = yaml("mqtt:\n  tcp:\n    port:\n");

        assertThatThrownBy(() -> load(scalarSection))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'mqtt' is a section, not a single setting");
        assertThatThrownBy(() -> load(emptyValue))
                .isInstanceOf(ConfigException.class)
                .hasMessage("mqtt.tcp.port has no value (in config file " + emptyValue
                        + "); give it one or remove the line to use the default");
    }

    @Test
    void aMissingFileSaysWhereItLooked() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file not found: " + missing.toAbsolutePath());
    }

    @Test
    void brokenYamlSaysWhereItBreaks() throws IOException {
        Path file = yaml("mqtt:\n  tcp: [1883\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + file + " is not valid YAML at line ");
    }

    @Test
    void anEmptyFileConfiguresNothing() throws IOException {
        assertThat(load(yaml(""))).isEqualTo(TernConfig.defaults());
        assertThat(load(yaml("# only a comment\n"))).isEqualTo(TernConfig.defaults());
    }

    @Test
    void aListWhereAValueBelongsIsRefused() throws IOException {
        Path file = yaml("mqtt:\n  tcp:\n    port: [1883, 1884]\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("mqtt.tcp.port takes a single value, not a list");
    }

    private Path yaml(String text) throws IOException {
        Path file = Files.createTempFile(dir, "tern", ".yaml");
        Files.writeString(file, text);
        return file;
    }

    private static TernConfig load(Path file, String... sets) {
        return ConfigLoader.load(Optional.ofNullable(file), List.of(sets));
    }
}
