package dev.tern.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.InstantSource;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a JWT from a CONNECT password: signed (RS*, PS*, ES* or EdDSA; never {@code none}, never HMAC, so that the
 * key set holds only public keys) by a key of the key set, not expired ({@code exp} is required, since the connection
 * is closed when it passes), not before its {@code nbf}, for the configured audience and issuer, and with a subject.
 * No clock skew is allowed: the connection closes exactly at {@code exp}, and a token is not accepted after it.
 */
public final class JwtCheck {
    private static final Set<JWSAlgorithm> ALGORITHMS = algorithms();

    private final JwtSettings settings;
    private final Supplier<JWKSet> keys;
    private final InstantSource clock;

    public JwtCheck(JwtSettings settings, Supplier<JWKSet> keys, InstantSource clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
    }

    /** Whether {@code password} has the shape of a compact JWS (three base64url parts); says nothing of its worth. */
    public static boolean looksLikeJwt(byte[] password) {
        int dots = 0;
        for (byte b : password) {
            if (b == '.') {
                dots++;
            } else if (!(b >= 'A' && b <= 'Z'
                    || b >= 'a' && b <= 'z'
                    || b >= '0' && b <= '9'
                    || b == '-'
                    || b == '_')) {
                return false;
            }
        }
        return dots == 2 && password.length > 16;
    }

    public JwtResult check(String token) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(keys.get())));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        settings.issuer().ifPresent(exact::issuer);
        DefaultJWTClaimsVerifier<SecurityContext> verifier =
                new DefaultJWTClaimsVerifier<>(
                        settings.audience().map(Set::of).orElse(null), exact.build(), Set.of("exp", "sub"), null) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        verifier.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(verifier);
        try {
            JWTClaimsSet claims = processor.process(token, null);
            return new JwtResult.Valid(
                    claims.getSubject(),
                    claims.getExpirationTime().toInstant(),
                    filters(claims, "publish"),
                    filters(claims, "subscribe"));
        } catch (ParseException e) {
            return new JwtResult.Invalid("not a JWT: " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            return new JwtResult.Invalid("JWT refused: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new JwtResult.Invalid("JWT refused: " + e.getMessage());
        }
    }

    private static Optional<List<String>> filters(JWTClaimsSet claims, String name) throws ParseException {
        if (claims.getClaim(name) == null) {
            return Optional.empty();
        }
        List<String> filters = claims.getStringListClaim(name);
        return Optional.of(filters);
    }

    private static Set<JWSAlgorithm> algorithms() {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        algorithms.addAll(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        algorithms.addAll(JWSAlgorithm.Family.ED);
        return Set.copyOf(algorithms);
    }
}
