package dev.tern.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * What the broker keeps of one password for one SCRAM mechanism, as RFC 5802 section 3 recommends: the salt, the
 * iteration count, StoredKey = H(ClientKey) and ServerKey, where ClientKey = HMAC(SaltedPassword, "Client Key"),
 * ServerKey = HMAC(SaltedPassword, "Server Key") and SaltedPassword = Hi(password, salt, i), a PBKDF2 of the
 * mechanism's hash. Neither key lets anyone log in with a plain password, and the same credential both checks a
 * password sent in CONNECT and answers a SCRAM exchange.
 *
 * <p>In the password file: {@code $scram-sha-512$ITERATIONS$SALT$STOREDKEY$SERVERKEY}, the last three in base64.
 */
public record ScramCredential(
        ScramMechanism mechanism, int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);

    /** RFC 7677 section 4 asks for at least 4096 iterations. */
    public static final int MIN_ITERATIONS = 4096;

    public ScramCredential {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(storedKey, "storedKey");
        Objects.requireNonNull(serverKey, "serverKey");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        if (salt.length == 0) {
            throw new IllegalArgumentException("the salt must not be empty");
        }
        if (storedKey.length != mechanism.hashLength() || serverKey.length != mechanism.hashLength()) {
            throw new IllegalArgumentException(
                    "a " + mechanism.methodName() + " key is " + mechanism.hashLength() + " bytes long");
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /** The credential of {@code password} (UTF-8 bytes) with {@code salt}. */
    public static ScramCredential derive(ScramMechanism mechanism, byte[] password, byte[] salt, int iterations) {
        byte[] salted = mechanism.saltedPassword(password, salt, iterations);
        byte[] clientKey = mechanism.hmac(salted, CLIENT_KEY);
        return new ScramCredential(
                mechanism, iterations, salt, mechanism.hash(clientKey), mechanism.hmac(salted, SERVER_KEY));
    }

    /** Whether {@code password} is the one this credential was made from: as slow as making it, on purpose. */
    public boolean matches(byte[] password) {
        byte[] salted = mechanism.saltedPassword(password, salt, iterations);
        byte[] candidate = mechanism.hash(mechanism.hmac(salted, CLIENT_KEY));
        return MessageDigest.isEqual(candidate, storedKey); // constant time
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    /** The credential as written in the password file. */
    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder();
        return "$" + mechanism.fileTag() + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(storedKey) + "$" + base64.encodeToString(serverKey);
    }

    /** Reads a credential as written by {@link #encode()}; fails with a message fit for the log. */
    public static ScramCredential decode(String text) {
        String[] parts = text.split("\\$", -1);
        if (parts.length != 6 || !parts[0].isEmpty()) {
            throw new IllegalArgumentException("expected $scram-sha-512$ITERATIONS$SALT$STOREDKEY$SERVERKEY");
        }
        ScramMechanism mechanism = ScramMechanism.ofFileTag(parts[1])
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown hash '" + parts[1] + "' (known: scram-sha-256, scram-sha-512)"));
        int iterations;
        try {
            iterations = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count '" + parts[2] + "' is not a number");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        try {
            return new ScramCredential(
                    mechanism, iterations, base64.decode(parts[3]), base64.decode(parts[4]), base64.decode(parts[5]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad " + parts[1] + " credential: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScramCredential that
                && mechanism == that.mechanism
                && iterations == that.iterations
                && MessageDigest.isEqual(salt, that.salt)
                && MessageDigest.isEqual(storedKey, that.storedKey)
                && MessageDigest.isEqual(serverKey, that.serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mechanism, iterations) * 31 + java.util.Arrays.hashCode(storedKey);
    }

    @Override
    public String toString() {
        return mechanism.methodName() + " credential (" + iterations + " iterations)"; // never the keys
    }
}
