package dev.tern.api.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTest {

    /** The examples of MQTT 5.0 section 4.7.1, plus edge cases of empty levels. */
    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource({
        "sport/tennis/player1/#, sport/tennis/player1, true",
        "sport/tennis/player1/#, sport/tennis/player1/ranking, true",
        "sport/tennis/player1/#, sport/tennis/player1/score/wimbledon, true",
        "sport/#, sport, true",
        "#, sport/tennis, true",
        "#, /, true",
        "sport/tennis/+, sport/tennis/player1, true",
        "sport/tennis/+, sport/tennis/player1/ranking, false",
        "sport/tennis/+, sport/tennis, false",
        "sport/+, sport, false",
        "sport/+, sport/, true",
        "+/+, /finance, true",
        "/+, /finance, true",
        "+, /finance, false",
        "+/#, a, true",
        "a/b, a/b, true",
        "a/b, a/bc, false",
        "a/bc, a/b, false",
        "a/b, a, false",
        "a, a/b, false",
        "a//b, a//b, true",
        "a/+/b, a//b, true",
        "a/+, a/b/, false",
        "a/#, a/, true",
        "A, a, false",
    })
    void matchesPerSpecExamples(String filter, String topic, boolean expected) {
        assertThat(TopicFilter.of(filter).matches(new TopicName(topic))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"#, $SYS/broker/uptime", "+/monitor/Clients, $SYS/monitor/Clients", "+, $SYS"})
    void aLeadingWildcardNeverMatchesADollarTopic(String filter, String topic) {
        // [MQTT-4.7.2-1]
        assertThat(TopicFilter.of(filter).matches(new TopicName(topic))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"$SYS/#, $SYS/broker/uptime", "$SYS/monitor/+, $SYS/monitor/Clients", "$SYS, $SYS"})
    void anExplicitDollarFilterMatchesDollarTopics(String filter, String topic) {
        assertThat(TopicFilter.of(filter).matches(new TopicName(topic))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a+", "a/b+", "+a/b", "a/#/b", "a#", "#a", "a/#/", "\u0000"})
    void rejectsIllFormedFilters(String filter) {
        // [MQTT-4.7.1-1] [MQTT-4.7.1-2] [MQTT-4.7.3-1]
        assertThatThrownBy(() -> TopicFilter.of(filter)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TopicFilter.isValid(filter)).isFalse();
    }

    @Test
    void parsesASharedSubscriptionIntoGroupAndFilter() {
        TopicFilter shared = TopicFilter.parse("$share/workers/jobs/+/new");

        assertThat(shared.shareGroup()).contains("workers");
        assertThat(shared.filter()).isEqualTo("jobs/+/new");
        assertThat(shared.text()).isEqualTo("$share/workers/jobs/+/new");
        assertThat(shared.matches(new TopicName("jobs/7/new"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$share/g", "$share//a", "$share/g+/a", "$share/g#/a", "$share/g/"})
    void rejectsIllFormedSharedSubscriptions(String text) {
        // [MQTT-4.8.2-1] [MQTT-4.8.2-2]
        assertThat(TopicFilter.isValid(text)).isFalse();
    }

    @Test
    void aPlainFilterIsNotShared() {
        TopicFilter plain = TopicFilter.parse("$shared/a");

        assertThat(plain.isShared()).isFalse();
        assertThat(plain.shareGroup()).isEqualTo(Optional.empty());
    }
}
