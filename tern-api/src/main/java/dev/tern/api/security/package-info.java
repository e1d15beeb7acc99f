/**
 * The access-control seam: who may connect, publish, subscribe and receive. Mechanisms (password files, JWT, SCRAM,
 * ACL files) implement it elsewhere; protocol channels and the core only call it.
 *
 * <p>Owns: the questions and the shapes of the answers. May not touch: how credentials are checked.
 */
package dev.tern.api.security;
