package dev.tern.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The files of a TLS identity as read at one moment, parsed and checked: a certificate and key that do not belong
 * together (as while one file is replaced before the other) are refused here rather than served.
 */
record TlsMaterial(Contents contents, PrivateKey key, List<X509Certificate> chain, List<X509Certificate> trusted) {

    /** The raw bytes of the files: reloading compares them, not modification times, which may be coarse. */
    record Contents(byte[] cert, byte[] key, byte[] ca) {
        static Contents read(TlsSettings settings) throws IOException {
            return new Contents(
                    Files.readAllBytes(settings.certFile()),
                    Files.readAllBytes(settings.keyFile()),
                    settings.caFile().isPresent()
                            ? Files.readAllBytes(settings.caFile().get())
                            : new byte[0]);
        }

        boolean sameAs(Contents other) {
            return other != null
                    && Arrays.equals(cert, other.cert)
                    && Arrays.equals(key, other.key)
                    && Arrays.equals(ca, other.ca);
        }
    }

    static TlsMaterial parse(Contents contents, TlsSettings settings) throws GeneralSecurityException {
        List<X509Certificate> chain =
                PemFiles.certificates(contents.cert(), "the certificate file " + settings.certFile());
        PrivateKey key = PemFiles.privateKey(contents.key(), "the key file " + settings.keyFile());
        checkPair(key, chain.getFirst(), settings);
        Optional<Path> caFile = settings.caFile();
        List<X509Certificate> trusted =
                caFile.isPresent() ? PemFiles.certificates(contents.ca(), "the CA file " + caFile.get()) : List.of();
        return new TlsMaterial(contents, key, chain, trusted);
    }

    /** The server certificate, first in its file. */
    X509Certificate certificate() {
        return chain.getFirst();
    }

    private static void checkPair(PrivateKey key, X509Certificate certificate, TlsSettings settings)
            throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm(); // EdDSA signs with the key's own name
        };
        byte[] probe = "tern: does this key belong to this certificate?".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            if (algorithm.equals("RSASSA-PSS")) {
                signer.setParameter(new java.security.spec.PSSParameterSpec(
                        "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            signer.initVerify(certificate.getPublicKey());
            signer.update(probe);
            if (signer.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException | RuntimeException mismatch) {
            // a key of another algorithm than the certificate's: the same answer as a wrong key
        }
        throw new GeneralSecurityException(
                "the key in " + settings.keyFile() + " does not belong to the certificate in " + settings.certFile()
                        + " (" + certificate.getSubjectX500Principal().getName() + ")");
    }
}
