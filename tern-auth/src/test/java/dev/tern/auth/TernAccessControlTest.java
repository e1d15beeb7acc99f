package dev.tern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tern.api.security.AuthenticationResult;
import dev.tern.api.security.Credentials;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import dev.tern.auth.jwt.JwtSettings;
import dev.tern.auth.password.PasswordFileEditor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class TernAccessControlTest {
    @TempDir
    Path dir;

    private Instant now = Instant.parse("2030-01-01T00:00:00Z");
    private final InstantSource clock = () -> now;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger refusalLogger = (Logger) LoggerFactory.getLogger(RefusalLog.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        refusalLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        refusalLogger.detachAppender(logs);
    }

    @Test
    void withoutAPasswordFileAUsernameIsNotVerifiedAndSoGrantsNothing() {
        TernAccessControl access = start(AuthSettings.anonymousOnly(AnonymousPolicy.LOOPBACK_ONLY));

        assertThat(access.authenticate(credentials("c", "alice", null, true)))
                .isEqualTo(new AuthenticationResult.Accepted(Optional.empty()));
        assertThat(access.authenticate(credentials("c", null, null, false)))
                .isInstanceOf(AuthenticationResult.Rejected.class);
    }

    @Test
    void aRefusalIsLoggedOncePerClientPeerAndReasonWithinTheWindow() {
        TernAccessControl access = start(AuthSettings.anonymousOnly(AnonymousPolicy.NOWHERE));
        for (int i = 0; i < 5; i++) {
            access.authenticate(credentials("c", null, null, false));
        }
        access.authenticate(credentials("other", null, null, false));
        assertThat(logs.list).hasSize(2);
        assertThat(logs.list.getFirst().getFormattedMessage())
                .contains("clientId=c")
                .contains("peer=192.0.2.7:5000")
                .contains("anonymous clients are not accepted");

        now = now.plus(Duration.ofMinutes(2));
        access.authenticate(credentials("c", null, null, false));
        assertThat(logs.list.getLast().getFormattedMessage()).contains("(4 more like it in the last window)");
    }

    @Test
    void aChangedPasswordFileIsTakenAndABrokenOneKeepsThePreviousContent() throws Exception {
        Path passwd = dir.resolve("passwd");
        PasswordFileEditor editor = new PasswordFileEditor(new SecureRandom(), 4096);
        editor.create(passwd, "alice", utf8("one"));
        TernAccessControl access = start(settings(Optional.of(passwd), Optional.empty()));
        assertThat(access.authenticate(credentials("c", "alice", "one", false)))
                .isInstanceOf(AuthenticationResult.Accepted.class);

        editor.put(passwd, "bob", utf8("two"));
        access.reloadIfChanged();
        assertThat(access.authenticate(credentials("c", "bob", "two", false)))
                .isEqualTo(new AuthenticationResult.Accepted(Optional.of("bob")));

        Files.writeString(passwd, "this is not a password file\n");
        access.reloadIfChanged();
        assertThat(access.authenticate(credentials("c", "bob", "two", false)))
                .isInstanceOf(AuthenticationResult.Accepted.class);
        // With a password file, anonymous clients are refused unless configured otherwise (AnonymousPolicy.NOWHERE).
        assertThat(access.authenticate(credentials("c", null, null, true)))
                .isInstanceOf(AuthenticationResult.Rejected.class);
    }

    @Test
    void aSignedTokenLetsItsSubjectInUntilItsExpiryWithinItsTopicClaims() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        AuthSettings settings = new AuthSettings(
                AnonymousPolicy.NOWHERE,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new JwtSettings(jwks, Optional.of("tern"), Optional.empty())),
                Duration.ZERO,
                Duration.ofMinutes(1));
        TernAccessControl access = start(settings);
        Instant expiry = now.plus(Duration.ofHours(1));
        String token = token(key, "dev-7", "tern", expiry, List.of("devices/dev-7/#"));

        AuthenticationResult result = access.authenticate(credentials("c7", null, token, false));

        assertThat(result).isEqualTo(new AuthenticationResult.Accepted(Optional.of("dev-7"), Optional.of(expiry)));
        ClientInfo client = new ClientInfo("c7", Optional.of("dev-7"), "192.0.2.7:5000", "mqtt/5.0", "mqtt-tcp");
        assertThat(access.mayPublish(client, new TopicName("devices/dev-7/state")))
                .isTrue();
        assertThat(access.mayPublish(client, new TopicName("devices/dev-8/state")))
                .isFalse();
        assertThat(access.maySubscribe(client, TopicFilter.parse("devices/dev-7/in")))
                .isTrue();
        assertThat(access.maySubscribe(client, TopicFilter.parse("devices/#"))).isFalse();

        assertThat(access.authenticate(credentials("c7", "someone-else", token, false)))
                .isInstanceOf(AuthenticationResult.Rejected.class);
        assertThat(access.authenticate(credentials("c7", null, token(key, "dev-7", "other", expiry, List.of()), false)))
                .isInstanceOf(AuthenticationResult.Rejected.class);
        now = expiry.plusSeconds(1);
        assertThat(access.authenticate(credentials("c7", null, token, false)))
                .isInstanceOf(AuthenticationResult.Rejected.class);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertThat(access.authenticate(credentials(
                        "c7", null, token(stranger, "dev-7", "tern", now.plusSeconds(60), List.of()), false)))
                .isInstanceOf(AuthenticationResult.Rejected.class);
    }

    private String token(RSAKey key, String subject, String audience, Instant expiry, List<String> filters)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .audience(audience)
                .expirationTime(Date.from(expiry))
                .claim("publish", filters)
                .claim("subscribe", filters)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private TernAccessControl start(AuthSettings settings) {
        return TernAccessControl.start(settings, clock, new SecureRandom());
    }

    private static AuthSettings settings(Optional<Path> passwd, Optional<Path> acl) {
        return new AuthSettings(
                AnonymousPolicy.NOWHERE, passwd, acl, Optional.empty(), Duration.ZERO, Duration.ofMinutes(1));
    }

    private static Credentials credentials(String clientId, String user, String password, boolean loopback) {
        return new Credentials(
                clientId,
                Optional.ofNullable(user),
                Optional.ofNullable(password).map(TernAccessControlTest::utf8),
                loopback ? "127.0.0.1:5000" : "192.0.2.7:5000",
                loopback,
                "mqtt-tcp",
                Optional.empty());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
