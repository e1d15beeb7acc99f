/**
 * The server's access control: who may connect, publish, subscribe and receive. Today only anonymous access by source
 * address ({@code auth.allow_anonymous}); password files, JWT, SCRAM and ACLs come with the security issue and will
 * live here too, behind {@code dev.tern.api.security.AccessControl}.
 *
 * <p>Owns: the implementations of {@code AccessControl} and their log lines. May not touch: the core or protocol
 * channels, which only call the seam; configuration parsing (it receives plain values).
 */
package dev.tern.server.security;
