package dev.tern.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void withoutAFileOrOverridesEveryKeyHasItsDefault() {
        TernConfig config = load();

        assertThat(config).isEqualTo(TernConfig.defaults());
        assertThat(config.mqtt().tcp().port()).isEqualTo(1883);
        assertThat(config.mqtt().tcp().bind()).isEqualTo("0.0.0.0");
        assertThat(config.data().dir()).isEqualTo("./data");
        assertThat(config.sys().interval()).isEqualTo(10);
        assertThat(config.auth().allowAnonymous()).isEqualTo(AuthConfig.AllowAnonymous.AUTO);
        assertThat(config.mqtt().queueOverflow()).isEqualTo(MqttConfig.QueueOverflow.DROP_NEW);
    }

    @Test
    void setConvertsTextToNumbersFlagsAndChoices() {
        TernConfig config = load(
                null,
                "mqtt.max_queued_bytes=8589934592",
                "mqtt.retain_available=false",
                "mqtt.queue_overflow=drop_oldest",
                "auth.allow_anonymous=false",
                "mqtt.maximum_qos=1",
                "sys.interval=0");

        assertThat(config.mqtt().maxQueuedBytes()).isEqualTo(8_589_934_592L);
        assertThat(config.mqtt().retainAvailable()).isFalse();
        assertThat(config.mqtt().queueOverflow()).isEqualTo(MqttConfig.QueueOverflow.DROP_OLDEST);
        assertThat(config.auth().allowAnonymous()).isEqualTo(AuthConfig.AllowAnonymous.FALSE);
        assertThat(config.mqtt().maximumQos()).isEqualTo(1);
        assertThat(config.sys().interval()).isZero();
    }

    @Test
    void choicesAndFlagsIgnoreCase() {
        TernConfig config = load(
                null, "auth.allow_anonymous=TRUE", "mqtt.queue_overflow=Drop_Oldest", "mqtt.retain_available=False");

        assertThat(config.auth().allowAnonymous()).isEqualTo(AuthConfig.AllowAnonymous.TRUE);
        assertThat(config.mqtt().queueOverflow()).isEqualTo(MqttConfig.QueueOverflow.DROP_OLDEST);
        assertThat(config.mqtt().retainAvailable()).isFalse();
    }

    @Test
    void anUnknownKeyWithNothingCloseSaysWhereTheKeysAreListed() {
        assertThatThrownBy(() -> load(null, "colour=blue"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown configuration key 'colour' (from --set colour=blue). Every key is listed in"
                        + " docs/configuration.md.");
    }

    @Test
    void anUnknownKeyFailsNamingItsOriginAndTheKeyItProbablyMeant() {
        assertThatThrownBy(() -> load(null, "mqtt.tcp.prot=1884"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown configuration key 'mqtt.tcp.prot' (from --set mqtt.tcp.prot=1884). Did you mean"
                        + " 'mqtt.tcp.port'? Every key is listed in docs/configuration.md.");
    }

    @Test
    void aKeyInTheWrongSectionSuggestsTheSectionItBelongsTo() {
        assertThatThrownBy(() -> load(null, "mqtt.max_connections=5"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Did you mean 'limits.max_connections'");
    }

    @Test
    void aValueThatIsNotANumberNamesTheKeyTheValueItsOriginAndWhatIsExpected() {
        assertThatThrownBy(() -> load(null, "mqtt.tcp.port=abc"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("mqtt.tcp.port: 'abc' is not a valid value (from --set mqtt.tcp.port=abc); expected a"
                        + " whole number");
    }

    @Test
    void aValueOutOfRangeSaysWhichRangeIsAllowed() {
        assertThatThrownBy(() -> load(null, "mqtt.receive_maximum=0"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("mqtt.receive_maximum: '0' is not a valid value (from --set mqtt.receive_maximum=0);"
                        + " expected a whole number from 1 to 65535");
    }

    @Test
    void aNumberTooLargeForItsKeyIsRefused() {
        assertThatThrownBy(() -> load(null, "limits.max_connections=99999999999"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("limits.max_connections: '99999999999' is not a valid value");
    }

    @Test
    void aChoiceOutsideTheListNamesTheChoices() {
        assertThatThrownBy(() -> load(null, "mqtt.queue_overflow=drop_all"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("mqtt.queue_overflow: 'drop_all' is not a valid value (from --set"
                        + " mqtt.queue_overflow=drop_all); expected one of drop_new, drop_oldest");
        assertThatThrownBy(() -> load(null, "auth.allow_anonymous=maybe"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("expected one of auto, loopback, true, false");
    }

    @Test
    void aFlagTakesTrueOrFalse() {
        assertThatThrownBy(() -> load(null, "mqtt.retain_available=sometimes"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("expected true or false");
    }

    @Test
    void anEmptyValueIsRefusedRatherThanTakenForZero() {
        assertThatThrownBy(() -> load(null, "mqtt.tcp.port="))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("mqtt.tcp.port: '' is not a valid value (from --set mqtt.tcp.port=)");
        assertThatThrownBy(() -> load(null, "data.dir="))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("data.dir: '' is not a valid value");
    }

    @Test
    void setWithoutAnEqualsSignSaysWhatItTakes() {
        assertThatThrownBy(() -> load(null, "mqtt.tcp.port"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--set mqtt.tcp.port: expected key=value, such as --set mqtt.tcp.port=1884");
    }

    @Test
    void aSectionCannotBeSetAsAWhole() {
        assertThatThrownBy(() -> load(null, "mqtt.tcp=1884"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("'mqtt.tcp' is a section, not a single setting (from --set mqtt.tcp=1884); set its keys"
                        + " one at a time: mqtt.tcp.port, mqtt.tcp.bind, mqtt.tcp.max_connections,"
                        + " mqtt.tcp.proxy_protocol");
    }

    private static TernConfig load() {
        return load(null);
    }

    private static TernConfig load(Path file, String... sets) {
        return ConfigLoader.load(Optional.ofNullable(file), List.of(sets));
    }
}
