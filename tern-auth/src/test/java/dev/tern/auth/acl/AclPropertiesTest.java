package dev.tern.auth.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Properties of the matcher, checked exhaustively over a small world: every topic of up to three levels over {@code
 * a}, {@code b}, {@code $S} and the empty level, and every filter of up to three levels over those and the wildcards.
 * Small enough to enumerate, large enough to hold every way levels and wildcards meet.
 */
class AclPropertiesTest {
    private static final List<String> TOPIC_LEVELS = List.of("a", "b", "$S", "");
    private static final List<String> FILTER_LEVELS = List.of("a", "b", "$S", "", "+", "#");
    private static final List<TopicName> TOPICS = topics();
    private static final List<String> FILTERS = filters();

    @Test
    void aRuleCoversAFilterExactlyWhenItMatchesEveryTopicTheFilterMatches() {
        for (String rule : FILTERS) {
            AclFilter acl = new AclFilter(rule);
            TopicFilter ruleAsFilter = TopicFilter.of(rule);
            for (String filter : FILTERS) {
                TopicFilter subscription = TopicFilter.of(filter);
                boolean everyTopic =
                        TOPICS.stream().filter(subscription::matches).allMatch(ruleAsFilter::matches);
                boolean covers = acl.covers(AclFilter.levelsOf(subscription));
                if (covers) {
                    assertThat(everyTopic).as("%s covers %s", rule, filter).isTrue();
                }
                if (!filter.contains("#")) {
                    // A filter without '#' matches topics of its own length only, all of them in this world.
                    assertThat(covers).as("%s covers %s", rule, filter).isEqualTo(everyTopic);
                }
            }
        }
    }

    @Test
    void aRuleIntersectsAFilterWhenSomeTopicMatchesBoth() {
        for (String rule : FILTERS) {
            AclFilter acl = new AclFilter(rule);
            TopicFilter ruleAsFilter = TopicFilter.of(rule);
            for (String filter : FILTERS) {
                TopicFilter subscription = TopicFilter.of(filter);
                boolean someTopic = TOPICS.stream().anyMatch(t -> subscription.matches(t) && ruleAsFilter.matches(t));
                boolean intersects = acl.intersects(AclFilter.levelsOf(subscription));
                if (someTopic) {
                    assertThat(intersects).as("%s intersects %s", rule, filter).isTrue();
                }
                if (!intersects) {
                    assertThat(someTopic)
                            .as("%s does not intersect %s", rule, filter)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void noAllowedSubscriptionEverMatchesATopicTheClientMayNotReceive() {
        List<List<String>> ruleSets = List.of(
                List.of("topic read a/#", "topic deny a/b"),
                List.of("topic read +/a", "topic read $S/#", "topic deny $S/b/#"),
                List.of("topic read #", "topic deny +/+/a"),
                List.of("topic readwrite a", "topic read a/+", "topic deny a//#"),
                List.of("pattern read %c/#", "topic read b/#", "topic deny b/a"));
        for (List<String> lines : ruleSets) {
            Acl acl = new Acl(MosquittoAclFormat.parse(lines));
            for (String filter : FILTERS) {
                TopicFilter subscription = TopicFilter.of(filter);
                if (!acl.maySubscribe(Optional.empty(), "a", subscription)) {
                    continue;
                }
                for (TopicName topic : TOPICS) {
                    if (subscription.matches(topic)) {
                        assertThat(acl.mayReceive(Optional.empty(), "a", topic))
                                .as("%s allows %s, which matches %s", lines, filter, topic.value())
                                .isTrue();
                    }
                }
            }
        }
    }

    private static List<TopicName> topics() {
        List<TopicName> topics = new ArrayList<>();
        for (String name : sequences(TOPIC_LEVELS)) {
            if (TopicName.isValid(name)) {
                topics.add(new TopicName(name));
            }
        }
        return topics;
    }

    private static List<String> filters() {
        return sequences(FILTER_LEVELS).stream().filter(TopicFilter::isValid).toList();
    }

    /** Every sequence of one to three levels, joined with '/'. */
    private static List<String> sequences(List<String> levels) {
        List<String> out = new ArrayList<>();
        List<List<String>> current = List.of(List.of());
        for (int depth = 1; depth <= 3; depth++) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> sequence : current) {
                for (String level : levels) {
                    List<String> longer = new ArrayList<>(sequence);
                    longer.add(level);
                    next.add(longer);
                    out.add(String.join("/", longer));
                }
            }
            current = next;
        }
        return out;
    }
}
