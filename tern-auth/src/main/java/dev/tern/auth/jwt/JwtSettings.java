package dev.tern.auth.jwt;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * JWT authentication: a signed token in the CONNECT password.
 *
 * @param jwksFile the public keys that may sign tokens, as a JSON Web Key Set (RFC 7517)
 * @param audience the {@code aud} a token must name, if any
 * @param issuer the {@code iss} a token must carry, if any
 */
public record JwtSettings(Path jwksFile, Optional<String> audience, Optional<String> issuer) {
    public JwtSettings {
        Objects.requireNonNull(jwksFile, "jwksFile");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(issuer, "issuer");
    }
}
