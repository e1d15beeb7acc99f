package dev.tern.auth.password;

import com.password4j.PBKDF2Function;
import com.password4j.types.Hmac;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM mechanisms Tern knows (RFC 5802 with the hash functions of RFC 7677 and RFC 5802's SHA-512 sibling), and
 * the three primitives SCRAM is built from: Hi() (which is PBKDF2 with HMAC of the mechanism's hash), HMAC() and H().
 */
public enum ScramMechanism {
    SHA_256("SCRAM-SHA-256", "scram-sha-256", Hmac.SHA256, "HmacSHA256", "SHA-256"),
    SHA_512("SCRAM-SHA-512", "scram-sha-512", Hmac.SHA512, "HmacSHA512", "SHA-512");

    private final String methodName;
    private final String fileTag;
    private final Hmac pbkdf2;
    private final String macAlgorithm;
    private final String digestAlgorithm;

    ScramMechanism(String methodName, String fileTag, Hmac pbkdf2, String macAlgorithm, String digestAlgorithm) {
        this.methodName = methodName;
        this.fileTag = fileTag;
        this.pbkdf2 = pbkdf2;
        this.macAlgorithm = macAlgorithm;
        this.digestAlgorithm = digestAlgorithm;
    }

    /** The name of the mechanism, as an MQTT 5 Authentication Method and in SASL: {@code SCRAM-SHA-256}. */
    public String methodName() {
        return methodName;
    }

    /** The tag of a stored credential in the password file: {@code $scram-sha-256$...}. */
    String fileTag() {
        return fileTag;
    }

    /** The length of the hash in bytes. */
    int hashLength() {
        return pbkdf2.bits() / 8;
    }

    public static Optional<ScramMechanism> ofMethodName(String name) {
        for (ScramMechanism mechanism : values()) {
            if (mechanism.methodName.equals(name)) {
                return Optional.of(mechanism);
            }
        }
        return Optional.empty();
    }

    static Optional<ScramMechanism> ofFileTag(String tag) {
        for (ScramMechanism mechanism : values()) {
            if (mechanism.fileTag.equals(tag)) {
                return Optional.of(mechanism);
            }
        }
        return Optional.empty();
    }

    /** RFC 5802 section 2.2: Hi(str, salt, i) is PBKDF2 with HMAC as the pseudorandom function and dkLen the hash's. */
    byte[] saltedPassword(byte[] password, byte[] salt, int iterations) {
        return PBKDF2Function.getInstance(pbkdf2, iterations, pbkdf2.bits())
                .hash(password, salt)
                .getBytes();
    }

    byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(key, macAlgorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macAlgorithm + " is missing from this JDK", e);
        }
    }

    byte[] hash(byte[] data) {
        try {
            return MessageDigest.getInstance(digestAlgorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digestAlgorithm + " is missing from this JDK", e);
        }
    }
}
