package dev.tern.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who may connect (keys {@code auth.*}). Password files, JWT and ACLs come with the security issue; until then only
 * anonymous access is configurable.
 *
 * @param allowAnonymous whether clients may connect without verified credentials: {@code loopback} (default: only
 *     from 127.0.0.0/8 and ::1, like Mosquitto 2's local-only mode), {@code true} (from anywhere) or {@code false}
 */
public record AuthConfig(AllowAnonymous allowAnonymous) {
    public AuthConfig {
        Checks.present("auth.allow_anonymous", allowAnonymous);
    }

    static AuthConfig defaults() {
        return new AuthConfig(AllowAnonymous.LOOPBACK);
    }

    /** The values of {@code auth.allow_anonymous}. */
    public enum AllowAnonymous {
        @JsonProperty("loopback")
        LOOPBACK,
        @JsonProperty("true")
        TRUE,
        @JsonProperty("false")
        FALSE
    }
}
