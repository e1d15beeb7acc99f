package dev.tern.api.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a/+", "a/#", "+", "a\u0000b"})
    void rejectsEmptyNamesWildcardsAndNul(String name) {
        // [MQTT-4.7.3-1] [MQTT-3.3.2-2] [MQTT-4.7.3-2]
        assertThatThrownBy(() -> new TopicName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid topic name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "/", "a//b", "café/日本", "$SYS/broker/uptime", " "})
    void acceptsAnyOtherNonEmptyName(String name) {
        assertThat(new TopicName(name).value()).isEqualTo(name);
    }

    @Test
    void aNameStartingWithDollarIsASystemTopic() {
        assertThat(new TopicName("$SYS/broker/uptime").isSystem()).isTrue();
        assertThat(new TopicName("SYS/$broker").isSystem()).isFalse();
    }
}
