package dev.tern.server;

import dev.tern.auth.AnonymousPolicy;
import dev.tern.auth.AuthSettings;
import dev.tern.auth.TernAccessControl;
import dev.tern.auth.jwt.JwtSettings;
import dev.tern.core.time.Scheduler;
import dev.tern.server.config.AuthConfig;
import dev.tern.server.config.ConfigException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/** Maps the {@code auth.*} keys onto access control, and keeps its files fresh on the server's timer. */
final class AccessPolicy {
    private AccessPolicy() {}

    /** Access control as configured, its files read now; a missing or broken file fails the start. */
    static TernAccessControl start(AuthConfig auth) {
        try {
            return TernAccessControl.start(settings(auth), InstantSource.system(), new SecureRandom());
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(e.getMessage());
        }
    }

    /** Checks the files for changes every {@code auth.reload_interval} seconds on {@code timer}, until it stops. */
    static void keepFresh(TernAccessControl accessControl, AuthConfig auth, Scheduler timer) {
        if (auth.reloadInterval() > 0) {
            reloadEvery(timer, Duration.ofSeconds(auth.reloadInterval()).toMillis(), accessControl);
        }
    }

    static AuthSettings settings(AuthConfig auth) {
        Optional<Path> passwordFile = path(auth.passwordFile());
        Optional<JwtSettings> jwt = path(auth.jwt().jwksFile())
                .map(keys -> new JwtSettings(
                        keys, text(auth.jwt().audience()), text(auth.jwt().issuer())));
        boolean verifiesUsers = passwordFile.isPresent() || jwt.isPresent();
        AnonymousPolicy anonymous = switch (auth.allowAnonymous()) {
            // Mosquitto 2 likewise refuses anonymous clients once a password file is configured.
            case AUTO -> verifiesUsers ? AnonymousPolicy.NOWHERE : AnonymousPolicy.LOOPBACK_ONLY;
            case LOOPBACK -> AnonymousPolicy.LOOPBACK_ONLY;
            case TRUE -> AnonymousPolicy.ANYWHERE;
            case FALSE -> AnonymousPolicy.NOWHERE;
        };
        return new AuthSettings(
                anonymous,
                passwordFile,
                path(auth.aclFile()),
                jwt,
                Duration.ofSeconds(auth.reloadInterval()),
                Duration.ofMinutes(1));
    }

    private static void reloadEvery(Scheduler timer, long millis, TernAccessControl accessControl) {
        timer.schedule(
                () -> {
                    accessControl.reloadIfChanged();
                    reloadEvery(timer, millis, accessControl);
                },
                millis);
    }

    private static Optional<Path> path(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(Path.of(text));
    }

    private static Optional<String> text(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
