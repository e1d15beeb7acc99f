package dev.tern.auth;

/** From where clients without a username may connect. */
public enum AnonymousPolicy {
    /** Only from loopback addresses (127.0.0.0/8, ::1). */
    LOOPBACK_ONLY,
    /** From anywhere. */
    ANYWHERE,
    /** From nowhere. */
    NOWHERE
}
