package dev.tern.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who may connect and what they may do (keys {@code auth.*}). Paths are relative to the directory the broker was
 * started from unless absolute; an empty path means "none".
 *
 * @param allowAnonymous whether clients may connect without a username: {@code auto} (default: from loopback
 *     addresses only while no password file or JWT is configured, from nowhere once one is, as Mosquitto 2 does),
 *     {@code loopback} (only from 127.0.0.0/8 and ::1), {@code true} (from anywhere) or {@code false}
 * @param passwordFile the password file ({@code tern passwd}); empty for none
 * @param aclFile the ACL file, Mosquitto's format or YAML ({@code .yaml}, {@code .yml}); empty for none (no limits)
 * @param reloadInterval seconds between two checks of the files for changes; 0 reads them only at start
 * @param jwt JWT authentication
 */
public record AuthConfig(
        AllowAnonymous allowAnonymous, String passwordFile, String aclFile, long reloadInterval, JwtConfig jwt) {
    public AuthConfig {
        Checks.present("auth.allow_anonymous", allowAnonymous);
        Checks.present("auth.password_file", passwordFile);
        Checks.present("auth.acl_file", aclFile);
        Checks.range("auth.reload_interval", reloadInterval, 0, 86_400);
        Checks.present("auth.jwt", jwt);
    }

    static AuthConfig defaults() {
        return new AuthConfig(AllowAnonymous.AUTO, "", "", 5, JwtConfig.defaults());
    }

    /** The values of {@code auth.allow_anonymous}. */
    public enum AllowAnonymous {
        @JsonProperty("auto")
        AUTO,
        @JsonProperty("loopback")
        LOOPBACK,
        @JsonProperty("true")
        TRUE,
        @JsonProperty("false")
        FALSE
    }
}
