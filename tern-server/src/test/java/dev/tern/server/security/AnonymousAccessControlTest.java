package dev.tern.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tern.api.security.AuthenticationResult;
import dev.tern.api.security.Credentials;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AnonymousAccessControlTest {

    private static final Credentials FROM_LOOPBACK = credentials("127.0.0.1:50000", true, Optional.empty());
    private static final Credentials FROM_ELSEWHERE = credentials("192.0.2.7:50000", false, Optional.empty());

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AnonymousAccessControl.class);
    private final ManualInstants clock = new ManualInstants();

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void byDefaultAnonymousClientsAreAcceptedFromLoopbackAddresses() {
        AnonymousAccessControl access = new AnonymousAccessControl(AnonymousAccess.LOOPBACK_ONLY, clock);

        assertThat(access.authenticate(FROM_LOOPBACK)).isEqualTo(new AuthenticationResult.Accepted(Optional.empty()));
    }

    @Test
    void byDefaultOtherAddressesAreRefusedAsNotAuthorizedWithALogLineThatSaysHowToAllowThem() {
        AnonymousAccessControl access = new AnonymousAccessControl(AnonymousAccess.LOOPBACK_ONLY, clock);

        AuthenticationResult result = access.authenticate(FROM_ELSEWHERE);

        assertThat(result).isInstanceOfSatisfying(AuthenticationResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(AuthenticationResult.Reason.NOT_AUTHORIZED);
            assertThat(rejected.detail()).contains("loopback addresses only").contains("192.0.2.7:50000");
        });
        assertThat(warnings())
                .singleElement()
                .asString()
                .contains("clientId=sensor-1", "peer=192.0.2.7:50000", "listener=mqtt-tcp")
                .contains("--set auth.allow_anonymous=true");
    }

    @Test
    void allowAnonymousTrueAcceptsClientsFromAnywhere() {
        AnonymousAccessControl access = new AnonymousAccessControl(AnonymousAccess.ANYWHERE, clock);

        assertThat(access.authenticate(FROM_ELSEWHERE)).isInstanceOf(AuthenticationResult.Accepted.class);
        assertThat(access.authenticate(FROM_LOOPBACK)).isInstanceOf(AuthenticationResult.Accepted.class);
    }

    @Test
    void allowAnonymousFalseRefusesEveryClientEvenOnLoopback() {
        AnonymousAccessControl access = new AnonymousAccessControl(AnonymousAccess.NOWHERE, clock);

        assertThat(access.authenticate(FROM_LOOPBACK)).isInstanceOf(AuthenticationResult.Rejected.class);
        assertThat(access.authenticate(FROM_ELSEWHERE)).isInstanceOf(AuthenticationResult.Rejected.class);
        assertThat(warnings()).first().asString().contains("auth.allow_anonymous=false");
    }

    @Test
    void aClientRetryingInALoopGetsTheHintOncePerMinuteWithACountOfTheRefusalsBetween() {
        AnonymousAccessControl access = new AnonymousAccessControl(AnonymousAccess.LOOPBACK_ONLY, clock);

        access.authenticate(FROM_ELSEWHERE);
        access.authenticate(FROM_ELSEWHERE);
        access.authenticate(FROM_ELSEWHERE);
        assertThat(warnings()).hasSize(1);

        clock.advance(AnonymousAccessControl.HINT_INTERVAL.toMillis());
        access.authenticate(FROM_ELSEWHERE);

        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(1)).contains("(2 more refused since the last such line)");
    }

    @Test
    void aUsernameIsKeptForTheLogsButGrantsNothing() {
        Credentials withUser = credentials("192.0.2.7:50000", false, Optional.of("alice"));

        assertThat(new AnonymousAccessControl(AnonymousAccess.ANYWHERE, clock).authenticate(withUser))
                .isEqualTo(new AuthenticationResult.Accepted(Optional.of("alice")));
        assertThat(new AnonymousAccessControl(AnonymousAccess.LOOPBACK_ONLY, clock).authenticate(withUser))
                .isInstanceOf(AuthenticationResult.Rejected.class);
    }

    @Test
    void aConnectedClientMayPublishSubscribeAndReceiveAnything() {
        AnonymousAccessControl access = new AnonymousAccessControl(AnonymousAccess.LOOPBACK_ONLY, clock);
        ClientInfo client = new ClientInfo("c", Optional.empty(), "127.0.0.1:1", "mqtt/5.0", "mqtt-tcp");

        assertThat(access.mayPublish(client, new TopicName("a/b"))).isTrue();
        assertThat(access.maySubscribe(client, TopicFilter.parse("#"))).isTrue();
        assertThat(access.mayReceive(client, new TopicName("$SYS/broker/uptime")))
                .isTrue();
    }

    private List<String> warnings() {
        return logs.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Credentials credentials(String peer, boolean loopback, Optional<String> username) {
        return new Credentials("sensor-1", username, Optional.empty(), peer, loopback, "mqtt-tcp", Optional.empty());
    }

    /** A clock that moves only when told to. */
    private static final class ManualInstants implements InstantSource {
        private long millis = 1_000_000;

        void advance(long by) {
            millis += by;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
