package dev.tern.api.store;

import dev.tern.api.session.ClientInfo;
import dev.tern.api.session.Will;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A persistent session's own row.
 *
 * @param client the client as it last connected (identity for authorisation of its will and its deliveries)
 * @param expirySeconds how long the session outlives its connection ({@code SessionRequest.NEVER_EXPIRES}: forever)
 * @param will the will still to publish, if any
 * @param disconnectedAtMillis when the connection ended, by the broker's clock; empty while connected (after a crash,
 *     the restart counts as the moment it ended)
 */
public record SessionRecord(
        ClientInfo client, long expirySeconds, Optional<Will> will, OptionalLong disconnectedAtMillis) {
    public SessionRecord {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(will, "will");
        Objects.requireNonNull(disconnectedAtMillis, "disconnectedAtMillis");
    }

    public String clientId() {
        return client.clientId();
    }
}
