package dev.tern.server.config;

/**
 * JWT authentication (keys {@code auth.jwt.*}): on when {@code jwksFile} is set.
 *
 * @param jwksFile the JSON Web Key Set of the public keys that sign tokens; empty turns JWT off
 * @param audience the {@code aud} a token must name; empty accepts any
 * @param issuer the {@code iss} a token must carry; empty accepts any
 */
public record JwtConfig(String jwksFile, String audience, String issuer) {
    public JwtConfig {
        Checks.present("auth.jwt.jwks_file", jwksFile);
        Checks.present("auth.jwt.audience", audience);
        Checks.present("auth.jwt.issuer", issuer);
    }

    static JwtConfig defaults() {
        return new JwtConfig("", "", "");
    }
}
