package dev.tern.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The answer to a connect's credentials. */
public sealed interface AuthenticationResult {
    /**
     * Let in, as {@code username} (which may differ from the one sent, e.g. from a certificate), until {@code
     * validUntil} when the credentials expire (a token's expiry): the protocol channel closes the connection then.
     */
    record Accepted(Optional<String> username, Optional<Instant> validUntil) implements AuthenticationResult {
        public Accepted {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(validUntil, "validUntil");
        }

        /** Let in with credentials that do not expire. */
        public Accepted(Optional<String> username) {
            this(username, Optional.empty());
        }
    }

    /** Kept out. {@code detail} goes to the log, never to the client. */
    record Rejected(Reason reason, String detail) implements AuthenticationResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a client is kept out; protocol channels map each to their own code. */
    enum Reason {
        BAD_USERNAME_OR_PASSWORD,
        NOT_AUTHORIZED,
        BANNED
    }
}
