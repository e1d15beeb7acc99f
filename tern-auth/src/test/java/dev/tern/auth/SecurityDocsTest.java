package dev.tern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import dev.tern.auth.acl.Acl;
import dev.tern.auth.acl.MosquittoAclFormat;
import dev.tern.auth.acl.YamlAclFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ACL examples of docs/security.md load, mean the same in both formats, and do what the text says. */
class SecurityDocsTest {
    private static final Path DOC = Path.of(System.getProperty("user.dir")).resolve("../docs/security.md");

    @Test
    void theExampleAclFileLoadsAndBehavesAsTheGuideSays() throws IOException {
        Acl acl = new Acl(MosquittoAclFormat.parse(block("acl-example").lines().toList()));
        Optional<String> alice = Optional.of("alice");

        assertThat(acl.maySubscribe(alice, "c", TopicFilter.parse("sensors/kitchen/#")))
                .isTrue();
        assertThat(acl.maySubscribe(alice, "c", TopicFilter.parse("sensors/#"))).isFalse();
        assertThat(acl.maySubscribe(alice, "c", TopicFilter.parse("sensors/+/key")))
                .isFalse();
        assertThat(acl.mayReceive(alice, "c", new TopicName("$SYS/broker/clients/connected")))
                .isTrue();
        assertThat(acl.mayReceive(alice, "c", new TopicName("$SYS/broker/uptime")))
                .isFalse();
        assertThat(acl.mayPublish(Optional.of("bob"), "c", new TopicName("users/bob/x")))
                .isTrue();
        assertThat(acl.mayReceive(Optional.of("a/b"), "c", new TopicName("users/a/b/x")))
                .isFalse();
        assertThat(acl.mayReceive(Optional.empty(), "dev-7", new TopicName("devices/dev-7/config")))
                .isTrue();
        assertThat(acl.mayReceive(Optional.empty(), "c", new TopicName("public/news")))
                .isTrue();
    }

    @Test
    void theYamlExampleHoldsTheSameRules() throws IOException {
        assertThat(YamlAclFormat.parse(block("acl-yaml-example")))
                .isEqualTo(MosquittoAclFormat.parse(block("acl-example").lines().toList()));
    }

    /** The fenced block after {@code <!-- marker -->}. */
    private static String block(String marker) throws IOException {
        String doc = Files.readString(DOC);
        int at = doc.indexOf("<!-- " + marker + " -->");
        assertThat(at).as("marker %s in %s", marker, DOC).isNotNegative();
        int start = doc.indexOf('\n', doc.indexOf("```", at)) + 1;
        return doc.substring(start, doc.indexOf("```", start));
    }
}
