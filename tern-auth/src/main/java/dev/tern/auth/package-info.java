/**
 * Authentication and authorization (module tern-auth): {@link dev.tern.auth.TernAccessControl}, the {@link
 * dev.tern.api.security.AccessControl} built from {@link dev.tern.auth.AuthSettings}: anonymous access by source
 * address, the password file (with SCRAM), JWT and the ACL file, files reloaded when they change, refusals logged
 * once per client, peer and reason within a window.
 *
 * <p>Dependency rule: depends only on {@code dev.tern.api}, the JDK, SLF4J, password4j, nimbus-jose-jwt and Jackson
 * (for YAML ACLs). It never sees the core, the protocols, the transport or the server; tern-server wires it in.
 */
package dev.tern.auth;
