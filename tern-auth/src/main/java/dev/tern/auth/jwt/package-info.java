/**
 * JWT authentication: a signed token in the CONNECT password, checked against a JSON Web Key Set ({@link
 * dev.tern.auth.jwt.JwtCheck}, on nimbus-jose-jwt), giving a subject, an expiry and optional topic permissions.
 *
 * <p>Owns: which tokens are good. May not touch: what happens when one expires (the protocol channel closes the
 * connection), ACL files.
 */
package dev.tern.auth.jwt;
