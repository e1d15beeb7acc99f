package dev.tern.auth;

/**
 * One connection, as both the CONNECT's credentials and the connected client's info name it: the peer includes its
 * port, so a takeover of the same client identifier from another connection is another key.
 */
record ConnectionKey(String clientId, String peer, String listener) {}
