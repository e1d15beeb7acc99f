package dev.tern.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The values of a TLS listener's {@code client_auth}: whether clients must show a certificate (mutual TLS). */
public enum ClientAuth {
    @JsonProperty("none")
    NONE,
    @JsonProperty("optional")
    OPTIONAL,
    @JsonProperty("required")
    REQUIRED
}
