package dev.tern.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a username and password against the password file, fast when it can be.
 *
 * <p>{@code AccessControl.authenticate} runs on the connecting client's network thread, and a PBKDF2 check is slow on
 * purpose (a few milliseconds at {@link PasswordFileEditor#DEFAULT_ITERATIONS}). So a success is remembered: the next
 * connect with the same username and password, against the same credential, costs one HMAC. The memory holds a keyed
 * hash of the password (the key is random per process and never leaves it), not the password, and forgets the pair
 * when the user's credential changes. Failures are not remembered: each wrong password costs a full check, which is
 * what makes guessing slow. A username that is not in the file costs a full check too, so that timing does not tell
 * which users exist.
 */
public final class PasswordCheck {
    private static final int MAX_REMEMBERED = 10_000;
    private static final ScramCredential DECOY = ScramCredential.derive(
            ScramMechanism.SHA_512,
            "decoy".getBytes(StandardCharsets.UTF_8),
            "decoy-salt".getBytes(StandardCharsets.UTF_8),
            PasswordFileEditor.DEFAULT_ITERATIONS);

    private final Supplier<PasswordTable> table;
    private final byte[] memoryKey = new byte[32];
    private final Map<String, ScramCredential> remembered = new ConcurrentHashMap<>();

    public PasswordCheck(Supplier<PasswordTable> table, SecureRandom random) {
        this.table = table;
        random.nextBytes(memoryKey);
    }

    /** Whether {@code password} is {@code username}'s. */
    public boolean check(String username, byte[] password) {
        Optional<ScramCredential> credential = table.get().forPassword(username);
        if (credential.isEmpty()) {
            DECOY.matches(password);
            return false;
        }
        String key = username + '\u0000' + keyedHash(password);
        ScramCredential known = remembered.get(key);
        if (known != null && known.equals(credential.get())) {
            return true;
        }
        if (!credential.get().matches(password)) {
            return false;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, credential.get());
        return true;
    }

    private String keyedHash(byte[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(memoryKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(password));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
