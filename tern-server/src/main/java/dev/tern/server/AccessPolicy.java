package dev.tern.server;

import dev.tern.server.config.AuthConfig;
import dev.tern.server.security.AnonymousAccess;

/** Maps the {@code auth.*} keys onto access control, and says in the start-up log who may connect. */
final class AccessPolicy {
    private AccessPolicy() {}

    static AnonymousAccess of(AuthConfig auth) {
        return switch (auth.allowAnonymous()) {
            case LOOPBACK -> AnonymousAccess.LOOPBACK_ONLY;
            case TRUE -> AnonymousAccess.ANYWHERE;
            case FALSE -> AnonymousAccess.NOWHERE;
        };
    }

    static String describe(AuthConfig auth) {
        return switch (auth.allowAnonymous()) {
            case LOOPBACK ->
                "Anonymous clients are accepted from loopback addresses only (auth.allow_anonymous=loopback); set"
                        + " auth.allow_anonymous=true to accept them from anywhere.";
            case TRUE -> "Anonymous clients are accepted from any address (auth.allow_anonymous=true).";
            case FALSE ->
                "Anonymous clients are refused (auth.allow_anonymous=false), and no other way to authenticate is"
                        + " configured yet: every client will be refused.";
        };
    }
}
