package dev.tern.auth.jwt;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a token says, once checked. */
public sealed interface JwtResult {
    /**
     * A good token for {@code subject} until {@code expiresAt}. {@code publish} and {@code subscribe} are the topic
     * filters of the {@code publish} and {@code subscribe} claims, when the token has them (then the client may use
     * no others).
     */
    record Valid(String subject, Instant expiresAt, Optional<List<String>> publish, Optional<List<String>> subscribe)
            implements JwtResult {
        public Valid {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(expiresAt, "expiresAt");
            publish = publish.map(List::copyOf);
            subscribe = subscribe.map(List::copyOf);
        }
    }

    /** Not accepted; {@code detail} is for the log. */
    record Invalid(String detail) implements JwtResult {
        public Invalid {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
