/**
 * The broker core (module tern-core): message routing, the topic index, sessions, QoS 1/2 flows, retained messages,
 * wills, expiry and {@code $SYS}, plus in-memory stores for tests and for running without persistence.
 *
 * <p>Owns: what the broker does with a message once a protocol channel has turned it into the {@code dev.tern.api}
 * vocabulary, and the per-session state that follows from it (thread-confined, with injected clock and randomness).
 *
 * <p>Dependency rule: depends only on {@code dev.tern.api}, the JDK and SLF4J. It never sees Netty, packet types, the
 * codec, the protocol channels, the transport or the server; upward signals leave through interfaces that tern-api
 * owns ({@code Outlet}, store callbacks). Only tern-server wires it in. Enforced by tern-cli's
 * {@code ArchitectureTest}.
 */
package dev.tern.core;
