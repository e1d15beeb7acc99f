package dev.tern.auth.acl;

import java.util.Locale;
import java.util.Optional;

/** What a rule grants or takes away: the access words of Mosquitto's ACL file. */
public enum Access {
    READ,
    WRITE,
    READWRITE,
    /** Takes away reading and writing, whatever other rules grant (Mosquitto: deny rules are checked first). */
    DENY;

    boolean grantsRead() {
        return this == READ || this == READWRITE;
    }

    boolean grantsWrite() {
        return this == WRITE || this == READWRITE;
    }

    static Optional<Access> ofWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "read" -> Optional.of(READ);
            case "write" -> Optional.of(WRITE);
            case "readwrite" -> Optional.of(READWRITE);
            case "deny" -> Optional.of(DENY);
            default -> Optional.empty();
        };
    }
}
