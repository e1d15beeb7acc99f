package dev.tern.auth.password;

import dev.tern.api.security.EnhancedAuthentication;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Starts SCRAM exchanges against the password file's credentials. */
public final class Scram {
    private final Supplier<PasswordTable> table;
    private final SecureRandom random;
    private final byte[] decoyKey = new byte[32];

    public Scram(Supplier<PasswordTable> table, SecureRandom random) {
        this.table = table;
        this.random = random;
        random.nextBytes(decoyKey);
    }

    /** A new exchange for {@code method} ({@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}), or empty for others. */
    public Optional<EnhancedAuthentication> start(String method) {
        return ScramMechanism.ofMethodName(method)
                .map(mechanism -> new ScramExchange(
                        mechanism,
                        user -> table.get().forMechanism(user, mechanism),
                        user -> decoy(mechanism, user),
                        this::nonce));
    }

    private String nonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes); // printable, no ','
    }

    /** The same salt for the same unknown name every time, so that asking twice does not give the game away. */
    private ScramCredential decoy(ScramMechanism mechanism, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(decoyKey, "HmacSHA256"));
            byte[] salt = java.util.Arrays.copyOf(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)), 16);
            byte[] key = new byte[mechanism.hashLength()];
            return new ScramCredential(mechanism, PasswordFileEditor.DEFAULT_ITERATIONS, salt, key, key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
