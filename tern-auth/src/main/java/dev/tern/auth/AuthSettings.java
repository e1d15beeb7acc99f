package dev.tern.auth;

import dev.tern.auth.jwt.JwtSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TernAccessControl} is built from.
 *
 * @param anonymous from where clients without a username may connect
 * @param passwordFile users and their credentials ({@code tern passwd}), if any
 * @param aclFile the ACL, in Mosquitto's format or in YAML ({@code .yaml}/{@code .yml}); without one, every client
 *     that may connect may publish, subscribe and receive anything
 * @param jwt JWT authentication, if configured
 * @param reloadInterval how often the files are checked for changes; zero checks only at start
 * @param refusalLogWindow how long a refusal of the same client, peer and reason is logged only once
 */
public record AuthSettings(
        AnonymousPolicy anonymous,
        Optional<Path> passwordFile,
        Optional<Path> aclFile,
        Optional<JwtSettings> jwt,
        Duration reloadInterval,
        Duration refusalLogWindow) {
    public AuthSettings {
        Objects.requireNonNull(anonymous, "anonymous");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(aclFile, "aclFile");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        Objects.requireNonNull(refusalLogWindow, "refusalLogWindow");
    }

    /** Anonymous clients only, from {@code anonymous}; no files. */
    public static AuthSettings anonymousOnly(AnonymousPolicy anonymous) {
        return new AuthSettings(
                anonymous, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO, Duration.ofMinutes(1));
    }

    /** Whether a client can prove who it is: a username it sends means something only then. */
    public boolean verifiesUsers() {
        return passwordFile.isPresent() || jwt.isPresent();
    }
}
