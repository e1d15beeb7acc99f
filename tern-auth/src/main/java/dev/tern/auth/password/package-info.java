/**
 * Passwords: the password file's format ({@link dev.tern.auth.password.PasswordFileFormat}), editing it for {@code
 * tern passwd} ({@link dev.tern.auth.password.PasswordFileEditor}), checking a CONNECT's password ({@link
 * dev.tern.auth.password.PasswordCheck}) and SCRAM-SHA-256/512 exchanges over MQTT 5 AUTH ({@link
 * dev.tern.auth.password.Scram}), all from one kind of stored credential ({@link
 * dev.tern.auth.password.ScramCredential}: salted PBKDF2, kept as RFC 5802 StoredKey and ServerKey).
 *
 * <p>Owns: the credential format and the cryptography. May not touch: who may connect without a password, ACLs,
 * reloading (it is handed the current table).
 */
package dev.tern.auth.password;
