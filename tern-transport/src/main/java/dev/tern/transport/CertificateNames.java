package dev.tern.transport;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The names in a client certificate that can stand for the client. */
final class CertificateNames {
    /** GeneralName types of RFC 5280 that name a client: rfc822Name (1), dNSName (2), uniformResourceIdentifier (6). */
    private static final List<Integer> NAME_TYPES = List.of(1, 2, 6);

    private CertificateNames() {}

    static CertificateIdentity identity(X509Certificate certificate, TlsSettings settings) {
        return new CertificateIdentity(
                certificate.getSubjectX500Principal().getName(),
                name(certificate, settings.usernameFrom()),
                name(certificate, settings.clientIdFrom()));
    }

    static Optional<String> name(X509Certificate certificate, CertificateField field) {
        return switch (field) {
            case NONE -> Optional.empty();
            case CN -> commonName(certificate);
            case SAN -> firstAlternativeName(certificate);
        };
    }

    static Optional<String> commonName(X509Certificate certificate) {
        try {
            // The most specific CN: the last one in RFC 2253 order is the first in the certificate, so read in reverse.
            List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdns.get(i).getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            // a subject the JDK printed cannot fail to parse; treat as no CN
        }
        return Optional.empty();
    }

    static Optional<String> firstAlternativeName(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (NAME_TYPES.contains((Integer) name.get(0)) && name.get(1) instanceof String value) {
                        return Optional.of(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension names nobody
        }
        return Optional.empty();
    }
}
