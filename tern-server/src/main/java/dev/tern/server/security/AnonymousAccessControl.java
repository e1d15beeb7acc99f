package dev.tern.server.security;

import dev.tern.api.security.AccessControl;
import dev.tern.api.security.AuthenticationResult;
import dev.tern.api.security.Credentials;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access control of a broker without password files or ACLs (they come with the security issue): whether a client
 * may connect depends only on where it connects from, per {@link AnonymousAccess}; once connected, it may publish,
 * subscribe and receive anything. A username a client sends is kept for the logs but not verified, so it grants
 * nothing.
 *
 * <p>A refusal is logged with what to change to allow the client; a client that retries in a loop gets that line at
 * most once per {@link #HINT_INTERVAL}, with a count of the refusals in between.
 */
public final class AnonymousAccessControl implements AccessControl {
    static final Duration HINT_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(AnonymousAccessControl.class);

    private final AnonymousAccess access;
    private final InstantSource clock;
    private final AtomicLong nextHintAtMillis = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong refusedSinceHint = new AtomicLong();

    public AnonymousAccessControl(AnonymousAccess access, InstantSource clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials) {
        boolean allowed = switch (access) {
            case LOOPBACK_ONLY -> credentials.peerIsLoopback();
            case ANYWHERE -> true;
            case NOWHERE -> false;
        };
        if (allowed) {
            return new AuthenticationResult.Accepted(credentials.username());
        }
        String detail = refusal(credentials);
        logWithHint(credentials, detail);
        return new AuthenticationResult.Rejected(AuthenticationResult.Reason.NOT_AUTHORIZED, detail);
    }

    private String refusal(Credentials credentials) {
        return switch (access) {
            case LOOPBACK_ONLY ->
                "anonymous clients are accepted from loopback addresses only, and " + credentials.peer()
                        + " is not one";
            case NOWHERE -> "anonymous clients are not accepted (auth.allow_anonymous=false)";
            case ANYWHERE -> throw new IllegalStateException("nobody is refused when anonymous access is open");
        };
    }

    private void logWithHint(Credentials credentials, String detail) {
        long now = clock.millis();
        long nextHintAt = nextHintAtMillis.get();
        long refused = refusedSinceHint.incrementAndGet();
        if (now < nextHintAt || !nextHintAtMillis.compareAndSet(nextHintAt, now + HINT_INTERVAL.toMillis())) {
            log.debug(
                    "refused clientId={} peer={} listener={}: {}",
                    credentials.clientId(),
                    credentials.peer(),
                    credentials.listener(),
                    detail);
            return;
        }
        refusedSinceHint.addAndGet(-refused);
        String others = refused > 1 ? " (" + (refused - 1) + " more refused since the last such line)" : "";
        log.warn(
                "Refused clientId={} peer={} listener={}: {}{}. {}",
                credentials.clientId(),
                credentials.peer(),
                credentials.listener(),
                detail,
                others,
                howToAllow());
    }

    private String howToAllow() {
        return switch (access) {
            case LOOPBACK_ONLY ->
                "To accept anonymous clients from any address, restart with --set auth.allow_anonymous=true (or"
                        + " 'auth: {allow_anonymous: true}' in the config file); only do that on a trusted network.";
            case NOWHERE ->
                "No other way to authenticate is configured yet; set auth.allow_anonymous to loopback or true to let"
                        + " clients in.";
            case ANYWHERE -> "";
        };
    }

    @Override
    public boolean mayPublish(ClientInfo client, TopicName topic) {
        return true;
    }

    @Override
    public boolean maySubscribe(ClientInfo client, TopicFilter filter) {
        return true;
    }

    @Override
    public boolean mayReceive(ClientInfo client, TopicName topic) {
        return true;
    }
}
