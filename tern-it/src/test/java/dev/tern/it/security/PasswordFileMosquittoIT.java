package dev.tern.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.testkit.BrokerProcess;
import dev.tern.testkit.CapturedProcess;
import dev.tern.testkit.MosquittoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker process with a password file made by {@code tern passwd} and an ACL file, serving mosquitto_pub and
 * mosquitto_sub with {@code -u}/{@code -P}; the file is changed while the broker runs.
 */
class PasswordFileMosquittoIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static Path passwd;
    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() throws Exception {
        assertThat(MosquittoClients.installed())
                .as(MosquittoClients.installHint())
                .isTrue();
        passwd = dir.resolve("passwd");
        passwd("-c", "-b", passwd.toString(), "alice", "alice-secret");
        passwd("-b", passwd.toString(), "bob", "bob secret with spaces");
        Path acl = dir.resolve("acl");
        Files.write(acl, List.of("user alice", "topic readwrite sensors/#", "user bob", "topic read sensors/#"));
        broker = BrokerProcess.start(
                "sys.interval=0", "auth.password_file=" + passwd, "auth.acl_file=" + acl, "auth.reload_interval=1");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.terminate();
            assertThat(broker.awaitExit(WAIT)).isZero();
            broker.close();
        }
    }

    @Test
    void aUserOfThePasswordFilePublishesToASubscriberOverBothVersions() {
        for (String version : List.of("mqttv311", "mqttv5")) {
            try (CapturedProcess sub = sub(version, "bob", "bob secret with spaces", "sensors/#")) {
                sub.awaitLineContaining("received SUBACK", WAIT);
                assertThat(pub(version, "alice", "alice-secret", "sensors/t", "21"))
                        .isZero();
                sub.awaitLine("sensors/t 21"::equals, WAIT);
            }
        }
    }

    @Test
    void aWrongPasswordAnUnknownUserAndAnAnonymousClientAreRefused() {
        try (CapturedProcess wrong = MosquittoClients.pub(args("mqttv311", "alice", "nope", "sensors/t", "x"));
                CapturedProcess unknown = MosquittoClients.pub(args("mqttv5", "mallory", "x", "sensors/t", "x"));
                CapturedProcess anonymous = MosquittoClients.pub(
                        "-h", broker.host(), "-p", String.valueOf(broker.port()), "-t", "sensors/t", "-m", "x")) {
            assertThat(wrong.awaitExit(WAIT)).isNotZero();
            assertThat(wrong.output()).containsIgnoringCase("bad user name or password");
            assertThat(unknown.awaitExit(WAIT)).isNotZero();
            assertThat(anonymous.awaitExit(WAIT)).isNotZero();
            assertThat(anonymous.output()).containsIgnoringCase("not authori");
        }
        broker.process().awaitLineContaining("Refused connect", WAIT);
    }

    @Test
    void aSubscriptionWiderThanTheAclIsRefused() {
        try (CapturedProcess sub = MosquittoClients.sub(
                "-h",
                broker.host(),
                "-p",
                String.valueOf(broker.port()),
                "-V",
                "mqttv5",
                "-u",
                "bob",
                "-P",
                "bob secret with spaces",
                "-t",
                "#",
                "-C",
                "1",
                "-W",
                "5",
                "-d")) {
            sub.awaitLineContaining("Subscribed (mid: 1): 135", WAIT); // 0x87 Not authorized
        }
    }

    @Test
    void aUserAddedWithTernPasswdWhileTheBrokerRunsCanConnectSoonAfter() {
        passwd("-b", passwd.toString(), "carol", "carol-secret");

        await().atMost(WAIT).until(() -> pub("mqttv311", "carol", "carol-secret", "anything", "hello") == 0);
    }

    private static int pub(String version, String user, String password, String topic, String message) {
        try (CapturedProcess pub = MosquittoClients.pub(args(version, user, password, topic, message))) {
            return pub.awaitExit(WAIT);
        }
    }

    private static CapturedProcess sub(String version, String user, String password, String filter) {
        return MosquittoClients.sub(
                "-h",
                broker.host(),
                "-p",
                String.valueOf(broker.port()),
                "-V",
                version,
                "-u",
                user,
                "-P",
                password,
                "-t",
                filter,
                "-C",
                "1",
                "-W",
                "10",
                "-v",
                "-d");
    }

    private static String[] args(String version, String user, String password, String topic, String message) {
        return new String[] {
            "-h",
            broker.host(),
            "-p",
            String.valueOf(broker.port()),
            "-V",
            version,
            "-u",
            user,
            "-P",
            password,
            "-t",
            topic,
            "-m",
            message
        };
    }

    private static void passwd(String... arguments) {
        try (CapturedProcess passwd = BrokerProcess.launch(List.of(concat("passwd", arguments)))) {
            assertThat(passwd.awaitExit(WAIT)).as(passwd.output()).isZero();
        }
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
