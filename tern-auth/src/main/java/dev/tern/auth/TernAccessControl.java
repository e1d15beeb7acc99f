package dev.tern.auth;

import com.nimbusds.jose.jwk.JWKSet;
import dev.tern.api.security.AccessControl;
import dev.tern.api.security.AuthenticationResult;
import dev.tern.api.security.AuthenticationResult.Reason;
import dev.tern.api.security.Credentials;
import dev.tern.api.security.EnhancedAuthentication;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import dev.tern.auth.acl.Acl;
import dev.tern.auth.jwt.JwtCheck;
import dev.tern.auth.jwt.JwtResult;
import dev.tern.auth.password.PasswordCheck;
import dev.tern.auth.password.PasswordFileFormat;
import dev.tern.auth.password.PasswordTable;
import dev.tern.auth.password.Scram;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The broker's access control: password file, JWT, SCRAM, ACL file and anonymous access, as configured.
 *
 * <p>Who a client is: a CONNECT without username and password is anonymous, let in per {@link AnonymousPolicy}. With a
 * password that looks like a JWT and JWT configured, the token decides (a username, if sent, must be its subject).
 * Otherwise, with a password file, the username and password must match it. Without any way to verify a username, a
 * username a client sends is kept out of access decisions (it could be anyone's): the client is anonymous.
 *
 * <p>What a client may do: without an ACL file, anything; with one, what {@link Acl} allows; a JWT's {@code publish}
 * and {@code subscribe} claims narrow that further for the connection that presented it.
 */
public final class TernAccessControl implements AccessControl {
    private final AuthSettings settings;
    private final InstantSource clock;
    private final Optional<ReloadingFile<PasswordTable>> passwords;
    private final Optional<ReloadingFile<Acl>> acl;
    private final Optional<ReloadingFile<JWKSet>> jwks;
    private final Optional<PasswordCheck> passwordCheck;
    private final Optional<Scram> scram;
    private final Optional<JwtCheck> jwtCheck;
    private final Map<ConnectionKey, TokenGrants> tokenGrants = new ConcurrentHashMap<>();
    private final RefusalLog refusals;

    private TernAccessControl(AuthSettings settings, InstantSource clock, SecureRandom random) {
        this.settings = settings;
        this.clock = clock;
        this.refusals = new RefusalLog(clock, settings.refusalLogWindow());
        this.passwords = settings.passwordFile()
                .map(path -> new ReloadingFile<>("password file", path, PasswordFileFormat::parse));
        this.acl = settings.aclFile().map(path -> new ReloadingFile<>("ACL file", path, AclFiles.parser(path)));
        this.jwks =
                settings.jwt().map(jwt -> new ReloadingFile<>("JWKS file", jwt.jwksFile(), TernAccessControl::jwks));
        Supplier<PasswordTable> table =
                () -> passwords.map(ReloadingFile::current).orElse(PasswordTable.empty());
        this.passwordCheck = passwords.map(file -> new PasswordCheck(table, random));
        this.scram = passwords.map(file -> new Scram(table, random));
        this.jwtCheck = settings.jwt()
                .map(jwt -> new JwtCheck(jwt, () -> jwks.orElseThrow().current(), clock));
    }

    /**
     * Access control with {@code settings}, its files read now; fails with an {@link IllegalArgumentException} naming
     * the file when one cannot be read or is broken.
     */
    public static TernAccessControl start(AuthSettings settings, InstantSource clock, SecureRandom random) {
        return new TernAccessControl(settings, clock, random);
    }

    /**
     * Reads the files again where they changed, and forgets the permissions of expired tokens. The server calls it
     * every {@code reloadInterval} on its timer thread; tests call it directly.
     */
    public void reloadIfChanged() {
        passwords.ifPresent(ReloadingFile::reloadIfChanged);
        acl.ifPresent(ReloadingFile::reloadIfChanged);
        jwks.ifPresent(ReloadingFile::reloadIfChanged);
        tokenGrants.values().removeIf(grants -> !clock.instant().isBefore(grants.expiresAt()));
    }

    /** One line for the start-up log: what is configured. */
    public String describe() {
        StringBuilder line = new StringBuilder("Access: anonymous clients ")
                .append(
                        switch (settings.anonymous()) {
                            case LOOPBACK_ONLY -> "from loopback addresses only";
                            case ANYWHERE -> "from any address";
                            case NOWHERE -> "refused";
                        });
        passwords.ifPresent(file -> line.append("; password file ")
                .append(file.path())
                .append(" (")
                .append(file.current().size())
                .append(" users)"));
        jwks.ifPresent(file -> line.append("; JWT keys from ").append(file.path()));
        acl.ifPresentOrElse(
                file -> line.append("; ACL file ")
                        .append(file.path())
                        .append(" (")
                        .append(file.current().rules().size())
                        .append(" rules)"),
                () -> line.append("; no ACL file: connected clients may publish and subscribe to anything"));
        return line.toString();
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials) {
        Optional<byte[]> password = credentials.password();
        if (jwtCheck.isPresent() && password.isPresent() && JwtCheck.looksLikeJwt(password.get())) {
            return byToken(credentials, new String(password.get(), StandardCharsets.US_ASCII));
        }
        if (passwordCheck.isPresent() && (credentials.username().isPresent() || password.isPresent())) {
            return byPassword(credentials);
        }
        if (settings.verifiesUsers() && (credentials.username().isPresent() || password.isPresent())) {
            return refuse(credentials, Reason.BAD_USERNAME_OR_PASSWORD, "the password is not a JWT", "");
        }
        return anonymous(credentials);
    }

    private AuthenticationResult byPassword(Credentials credentials) {
        if (credentials.username().isEmpty()) {
            return refuse(credentials, Reason.BAD_USERNAME_OR_PASSWORD, "a password without a username", "");
        }
        String user = credentials.username().get();
        if (credentials.password().isEmpty()) {
            return refuse(credentials, Reason.BAD_USERNAME_OR_PASSWORD, "no password", "user '" + user + "'");
        }
        if (!passwordCheck.orElseThrow().check(user, credentials.password().get())) {
            // One reason for both, as the client hears it: which one it was is for the log only.
            return refuse(
                    credentials,
                    Reason.BAD_USERNAME_OR_PASSWORD,
                    "unknown user or wrong password",
                    "user '" + user + "'");
        }
        return new AuthenticationResult.Accepted(Optional.of(user));
    }

    private AuthenticationResult byToken(Credentials credentials, String token) {
        switch (jwtCheck.orElseThrow().check(token)) {
            case JwtResult.Invalid invalid -> {
                return refuse(credentials, Reason.BAD_USERNAME_OR_PASSWORD, "bad JWT", invalid.detail());
            }
            case JwtResult.Valid valid -> {
                if (credentials.username().isPresent()
                        && !credentials.username().get().equals(valid.subject())) {
                    return refuse(
                            credentials,
                            Reason.BAD_USERNAME_OR_PASSWORD,
                            "username is not the JWT's subject",
                            "username '" + credentials.username().get() + "', subject '" + valid.subject() + "'");
                }
                TokenGrants grants;
                try {
                    grants = TokenGrants.of(valid);
                } catch (IllegalArgumentException e) {
                    return refuse(
                            credentials,
                            Reason.BAD_USERNAME_OR_PASSWORD,
                            "bad JWT",
                            "a topic filter in its claims is invalid: " + e.getMessage());
                }
                tokenGrants.put(key(credentials), grants);
                return new AuthenticationResult.Accepted(Optional.of(valid.subject()), Optional.of(valid.expiresAt()));
            }
        }
    }

    private AuthenticationResult anonymous(Credentials credentials) {
        boolean allowed = switch (settings.anonymous()) {
            case LOOPBACK_ONLY -> credentials.peerIsLoopback();
            case ANYWHERE -> true;
            case NOWHERE -> false;
        };
        if (allowed) {
            // Unverified, a username is only a claim: it must not match a 'user' section or %u of the ACL.
            return new AuthenticationResult.Accepted(Optional.empty());
        }
        return switch (settings.anonymous()) {
            case LOOPBACK_ONLY ->
                refuse(
                        credentials,
                        Reason.NOT_AUTHORIZED,
                        "anonymous clients are accepted from loopback addresses only",
                        "to accept them from any address, restart with --set auth.allow_anonymous=true (only on a"
                                + " trusted network), or give clients a username and password (auth.password_file)");
            case NOWHERE ->
                refuse(
                        credentials,
                        Reason.NOT_AUTHORIZED,
                        "anonymous clients are not accepted",
                        settings.verifiesUsers()
                                ? "connect with a username and password or a token; auth.allow_anonymous lets"
                                        + " anonymous clients in"
                                : "set auth.allow_anonymous to loopback or true, or configure auth.password_file");
            case ANYWHERE -> throw new IllegalStateException("nobody is refused when anonymous access is open");
        };
    }

    @Override
    public Optional<EnhancedAuthentication> enhancedAuthentication(String method, Credentials credentials) {
        Optional<EnhancedAuthentication> exchange = scram.flatMap(s -> s.start(method));
        return exchange.map(inner -> new LoggedExchange(inner, credentials, refusals));
    }

    @Override
    public boolean mayPublish(ClientInfo client, TopicName topic) {
        boolean allowed = acl.map(file -> file.current().mayPublish(client.username(), client.clientId(), topic))
                        .orElse(true)
                && grantsOf(client)
                        .flatMap(TokenGrants::publish)
                        .map(grants -> grants.mayPublish(Optional.empty(), client.clientId(), topic))
                        .orElse(true);
        if (!allowed) {
            refusals.refused(
                    "publish",
                    client.clientId(),
                    client.peer(),
                    client.listener(),
                    "not allowed to publish to the topic",
                    topic.value());
        }
        return allowed;
    }

    @Override
    public boolean maySubscribe(ClientInfo client, TopicFilter filter) {
        boolean allowed = acl.map(file -> file.current().maySubscribe(client.username(), client.clientId(), filter))
                        .orElse(true)
                && grantsOf(client)
                        .flatMap(TokenGrants::subscribe)
                        .map(grants -> grants.maySubscribe(Optional.empty(), client.clientId(), filter))
                        .orElse(true);
        if (!allowed) {
            refusals.refused(
                    "subscribe",
                    client.clientId(),
                    client.peer(),
                    client.listener(),
                    "the filter is wider than the client may read",
                    filter.text());
        }
        return allowed;
    }

    @Override
    public boolean mayReceive(ClientInfo client, TopicName topic) {
        // Not a refusal the client sees: a delivery it may not read is left out, without a log line per message.
        return acl.map(file -> file.current().mayReceive(client.username(), client.clientId(), topic))
                        .orElse(true)
                && grantsOf(client)
                        .flatMap(TokenGrants::subscribe)
                        .map(grants -> grants.mayReceive(Optional.empty(), client.clientId(), topic))
                        .orElse(true);
    }

    private Optional<TokenGrants> grantsOf(ClientInfo client) {
        if (tokenGrants.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                tokenGrants.get(new ConnectionKey(client.clientId(), client.peer(), client.listener())));
    }

    private AuthenticationResult refuse(Credentials credentials, Reason reason, String why, String detail) {
        refusals.refused("connect", credentials.clientId(), credentials.peer(), credentials.listener(), why, detail);
        return new AuthenticationResult.Rejected(reason, detail.isEmpty() ? why : why + ": " + detail);
    }

    private static ConnectionKey key(Credentials credentials) {
        return new ConnectionKey(credentials.clientId(), credentials.peer(), credentials.listener());
    }

    private static JWKSet jwks(java.util.List<String> lines) {
        try {
            JWKSet set = JWKSet.parse(String.join("\n", lines));
            if (set.getKeys().stream().anyMatch(key -> key.isPrivate())) {
                throw new IllegalArgumentException("the key set holds a private key; give the broker public keys only");
            }
            return set;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }
}
