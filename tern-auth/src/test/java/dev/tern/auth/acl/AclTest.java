package dev.tern.auth.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AclTest {
    private static final Acl ACL = new Acl(MosquittoAclFormat.parse(List.of(
            "# anonymous clients",
            "topic read public/#",
            "",
            "user alice",
            "topic readwrite sensors/#",
            "topic deny sensors/secret/#",
            "topic read $SYS/broker/clients/#",
            "user bob",
            "topic write sensors/bob/in",
            "pattern readwrite users/%u/#",
            "pattern read devices/%c/config",
            "topic deny public/internal")));

    private static final Optional<String> ALICE = Optional.of("alice");
    private static final Optional<String> BOB = Optional.of("bob");
    private static final Optional<String> ANONYMOUS = Optional.empty();

    @Test
    void topicLinesBeforeAnyUserLineApplyToAnonymousClientsOnly() {
        assertThat(ACL.mayReceive(ANONYMOUS, "c1", topic("public/news"))).isTrue();
        assertThat(ACL.mayReceive(ALICE, "c1", topic("public/news"))).isFalse();
        assertThat(ACL.mayPublish(ANONYMOUS, "c1", topic("public/news"))).isFalse();
    }

    @Test
    void aTopicLineAfterAUserLineBelongsToThatUserEvenAfterPatterns() {
        // Mosquitto reads the file top to bottom: 'topic deny public/internal' belongs to bob.
        assertThat(ACL.rules().users().get("bob")).hasSize(2);
        assertThat(ACL.mayReceive(ANONYMOUS, "c1", topic("public/internal"))).isTrue();
    }

    @Test
    void denyWinsOverAWiderAllow() {
        assertThat(ACL.mayPublish(ALICE, "c1", topic("sensors/kitchen"))).isTrue();
        assertThat(ACL.mayPublish(ALICE, "c1", topic("sensors/secret/key"))).isFalse();
        assertThat(ACL.mayReceive(ALICE, "c1", topic("sensors/secret"))).isFalse();
    }

    @Test
    void aSubscriptionWiderThanTheRulesIsRefusedWholeNotNarrowed() {
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("sensors/kitchen/#"))).isTrue();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("sensors/kitchen/+"))).isTrue();
        // Would reach sensors/secret/temperature.
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("sensors/+/temperature")))
                .isFalse();
        // Would reach sensors/secret: refused, although most of what it matches is allowed.
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("sensors/#"))).isFalse();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("sensors/+/key"))).isFalse();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("#"))).isFalse();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("+/kitchen"))).isFalse();
    }

    @Test
    void sysIsReadableOnlyWhereARuleNamesIt() {
        Acl everything = new Acl(MosquittoAclFormat.parse(List.of("topic readwrite #")));
        assertThat(everything.mayReceive(ANONYMOUS, "c", topic("$SYS/broker/uptime")))
                .isFalse();
        assertThat(everything.maySubscribe(ANONYMOUS, "c", filter("$SYS/#"))).isFalse();
        assertThat(everything.maySubscribe(ANONYMOUS, "c", filter("#"))).isTrue(); // '#' never matches $SYS

        assertThat(ACL.mayReceive(ALICE, "c1", topic("$SYS/broker/clients/connected")))
                .isTrue();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("$SYS/broker/clients/#")))
                .isTrue();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("$SYS/#"))).isFalse();
        assertThat(ACL.mayReceive(ALICE, "c1", topic("$SYS/broker/uptime"))).isFalse();
    }

    @Test
    void aSharedSubscriptionIsJudgedByTheFilterInsideIt() {
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("$share/g/sensors/kitchen/#")))
                .isTrue();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("$share/g/sensors/#"))).isFalse();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("$share/sensors/#"))).isFalse(); // inner filter '#'
        assertThatThrownBy(() -> MosquittoAclFormat.parse(List.of("topic read $share/g/a")))
                .hasMessageContaining("line 1")
                .hasMessageContaining("$share");
    }

    @Test
    void patternsSubstituteTheUsernameAndClientIdAndApplyToEveryone() {
        assertThat(ACL.mayPublish(BOB, "c1", topic("users/bob/inbox"))).isTrue();
        assertThat(ACL.mayPublish(BOB, "c1", topic("users/alice/inbox"))).isFalse();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("users/alice/#"))).isTrue();
        assertThat(ACL.maySubscribe(ALICE, "c1", filter("users/+/inbox"))).isFalse();
        assertThat(ACL.mayReceive(ANONYMOUS, "dev-7", topic("devices/dev-7/config")))
                .isTrue();
        assertThat(ACL.mayReceive(ANONYMOUS, "dev-7", topic("devices/dev-8/config")))
                .isFalse();
        // A %u pattern does not apply to a client without a username.
        assertThat(ACL.mayReceive(ANONYMOUS, "dev-7", topic("users//inbox"))).isFalse();
    }

    @Test
    void wildcardsSlashesAndDollarsInNamesNeverWidenAPattern() {
        for (String name : List.of("+", "#", "a/+", "alice/#", "a/b", "", "$SYS", "x\u0000y", "%u", "%c")) {
            Optional<String> user = Optional.of(name);
            assertThat(ACL.maySubscribe(user, name, filter("users/+/inbox")))
                    .as(name)
                    .isFalse();
            assertThat(ACL.maySubscribe(user, name, filter("users/#"))).as(name).isFalse();
            assertThat(ACL.maySubscribe(user, name, filter("devices/+/config")))
                    .as(name)
                    .isFalse();
            assertThat(ACL.mayReceive(user, name, topic("users/alice/inbox")))
                    .as(name)
                    .isFalse();
            assertThat(ACL.mayReceive(user, name, topic("devices/alice/config")))
                    .as(name)
                    .isFalse();
        }
        // User "a/b" would otherwise read user "a"'s users/a/b/... .
        assertThat(ACL.mayReceive(Optional.of("a/b"), "c", topic("users/a/b/x")))
                .isFalse();
        Acl selfRead = new Acl(MosquittoAclFormat.parse(List.of("pattern read %c/#")));
        assertThat(selfRead.mayReceive(ANONYMOUS, "$SYS", topic("$SYS/broker/uptime")))
                .isFalse();
        assertThat(selfRead.maySubscribe(ANONYMOUS, "$SYS", filter("$SYS/#"))).isFalse();
    }

    @Test
    void aDenyPatternWithAnUnsafeNameDeniesAtLeastWhatAnyReadingOfItWould() {
        Acl acl = new Acl(MosquittoAclFormat.parse(List.of("pattern readwrite #", "pattern deny private/%c/#")));
        assertThat(acl.mayReceive(ANONYMOUS, "a/b", topic("private/a/b/x"))).isFalse();
        assertThat(acl.mayReceive(ANONYMOUS, "+", topic("private/z"))).isFalse();
        assertThat(acl.mayReceive(ANONYMOUS, "ok", topic("private/other"))).isTrue();
    }

    @Test
    void veryLongLevelsAreComparedWhole() {
        String longLevel = "x".repeat(60_000);
        Acl acl = new Acl(MosquittoAclFormat.parse(List.of("topic read a/" + longLevel)));
        assertThat(acl.mayReceive(ANONYMOUS, "c", topic("a/" + longLevel))).isTrue();
        assertThat(acl.mayReceive(ANONYMOUS, "c", topic("a/" + longLevel + "y")))
                .isFalse();
        assertThat(acl.maySubscribe(ANONYMOUS, "c", filter("a/+"))).isFalse();
    }

    @Test
    void anAccessWordIsOptionalAndUnknownKeywordsAreErrors() {
        Acl acl = new Acl(MosquittoAclFormat.parse(List.of("topic a b/c")));
        assertThat(acl.mayPublish(ANONYMOUS, "c", topic("a b/c"))).isTrue();
        assertThatThrownBy(() -> MosquittoAclFormat.parse(List.of("user alice", "topik read a")))
                .hasMessageContaining("line 2")
                .hasMessageContaining("topik");
        assertThatThrownBy(() -> MosquittoAclFormat.parse(List.of("topic read")))
                .hasMessageContaining("needs a topic filter");
        assertThatThrownBy(() -> MosquittoAclFormat.parse(List.of("topic read a/#/b")))
                .hasMessageContaining("line 1");
    }

    @Test
    void theYamlFormHoldsTheSameRules() {
        AclRules yaml = YamlAclFormat.parse("""
                anonymous:
                  - {topic: "public/#", access: read}
                users:
                  alice:
                    - {topic: "sensors/#"}
                    - {topic: "sensors/secret/#", access: deny}
                patterns:
                  - {topic: "users/%u/#", access: readwrite}
                """);
        AclRules mosquitto = MosquittoAclFormat.parse(List.of(
                "topic read public/#",
                "user alice",
                "topic sensors/#",
                "topic deny sensors/secret/#",
                "pattern readwrite users/%u/#"));
        assertThat(yaml).isEqualTo(mosquitto);
        assertThatThrownBy(() -> YamlAclFormat.parse("user: [x]")).hasMessageContaining("unknown key 'user'");
        assertThatThrownBy(() -> YamlAclFormat.parse("anonymous: [{topic: a, acess: read}]"))
                .hasMessageContaining("anonymous[0]")
                .hasMessageContaining("acess");
    }

    static TopicName topic(String name) {
        return new TopicName(name);
    }

    static TopicFilter filter(String text) {
        return TopicFilter.parse(text);
    }
}
