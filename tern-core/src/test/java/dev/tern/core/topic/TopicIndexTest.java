package dev.tern.core.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Qos;
import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicIndexTest {
    private static final String[] LEVELS = {"a", "b", "c", "", "$SYS"};
    private static final TopicIndex.SharedPicker<String> FIRST = (members, cursor) -> members.get(0);

    private static String randomName(Random random, boolean filter) {
        int levels = 1 + random.nextInt(4);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            if (i > 0) {
                out.append('/');
            }
            int pick = random.nextInt(filter ? LEVELS.length + 2 : LEVELS.length);
            if (pick == LEVELS.length) {
                out.append('+');
            } else if (pick == LEVELS.length + 1) {
                out.append('#');
                break;
            } else {
                out.append(LEVELS[pick]);
            }
        }
        return out.toString();
    }

    @Test
    void matchingAgreesWithTheReferenceSemanticsOfTopicFilterForRandomFiltersAndNames() {
        Random random = new Random(20261122);
        for (int round = 0; round < 200; round++) {
            TopicIndex<String> index = new TopicIndex<>();
            List<TopicFilter> filters = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String raw = randomName(random, true);
                if (raw.isEmpty()) {
                    raw = "#";
                }
                TopicFilter filter = TopicFilter.of(raw);
                filters.add(filter);
                index.add("s" + i, filter, SubscriptionOptions.of(Qos.AT_MOST_ONCE));
            }
            for (int n = 0; n < 20; n++) {
                String raw = randomName(random, false);
                if (raw.isEmpty()) {
                    continue;
                }
                TopicName name = new TopicName(raw);
                Set<String> expected = new HashSet<>();
                for (int i = 0; i < filters.size(); i++) {
                    if (filters.get(i).matches(name)) {
                        expected.add("s" + i);
                    }
                }
                Set<String> actual = new HashSet<>();
                index.match(name, FIRST).forEach(entry -> actual.add(entry.subscriber()));
                assertThat(actual)
                        .as("subscribers matching '%s' among %s", raw, filters)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void removingASubscriptionStopsItMatching() {
        TopicIndex<String> index = new TopicIndex<>();
        TopicFilter filter = TopicFilter.of("a/+");
        index.add("s", filter, SubscriptionOptions.of(Qos.AT_MOST_ONCE));

        assertThat(index.remove("s", filter)).isTrue();
        assertThat(index.remove("s", filter)).isFalse();
        assertThat(index.match(new TopicName("a/b"), FIRST)).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void resubscribingReplacesTheOptionsInsteadOfAddingACopy() {
        TopicIndex<String> index = new TopicIndex<>();
        TopicFilter filter = TopicFilter.of("a");
        index.add("s", filter, SubscriptionOptions.of(Qos.AT_MOST_ONCE));

        assertThat(index.add("s", filter, SubscriptionOptions.of(Qos.EXACTLY_ONCE)))
                .isTrue();
        assertThat(index.match(new TopicName("a"), FIRST))
                .singleElement()
                .satisfies(e -> assertThat(e.options().maximumQos()).isEqualTo(Qos.EXACTLY_ONCE));
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aSharedGroupYieldsOneMemberPerMessage() {
        TopicIndex<String> index = new TopicIndex<>();
        TopicFilter shared = TopicFilter.parse("$share/g/jobs/#");
        index.add("w1", shared, SubscriptionOptions.of(Qos.AT_MOST_ONCE));
        index.add("w2", shared, SubscriptionOptions.of(Qos.AT_MOST_ONCE));

        assertThat(index.match(new TopicName("jobs/1"), FIRST)).hasSize(1);
        assertThat(index.size()).isEqualTo(2);
    }
}
