package dev.tern.server.security;

/** From where clients without verified credentials may connect (configuration key {@code auth.allow_anonymous}). */
public enum AnonymousAccess {
    /** Only from loopback addresses (127.0.0.0/8, ::1): the default, safe on a machine with open ports. */
    LOOPBACK_ONLY,
    /** From anywhere. */
    ANYWHERE,
    /** From nowhere; until password files and other mechanisms arrive, no client can connect. */
    NOWHERE
}
