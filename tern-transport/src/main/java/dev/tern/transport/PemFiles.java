package dev.tern.transport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads certificates and private keys from PEM text, with messages that say how to fix a file that does not fit. */
final class PemFiles {
    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    /** Key algorithms tried in turn: PKCS#8 names the algorithm inside, but KeyFactory must be chosen up front. */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private PemFiles() {}

    static List<X509Certificate> certificates(byte[] pem, String what) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate :
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
            certificates.add((X509Certificate) certificate);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(what + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    static PrivateKey privateKey(byte[] pem, String what) throws GeneralSecurityException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        Matcher block = PKCS8.matcher(text);
        if (!block.find()) {
            String hint = text.contains("ENCRYPTED PRIVATE KEY")
                    ? "it is encrypted; write it unencrypted: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem"
                    : text.contains("PRIVATE KEY")
                            ? "it is not PKCS#8; convert it: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem"
                            : "it holds no PEM private key";
            throw new GeneralSecurityException(
                    what + " must hold an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----): " + hint);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(block.group(1).strip()));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException(what + " holds a private key of an algorithm this JDK cannot read");
    }
}
