/**
 * ACL files: Mosquitto's format and the same rules in YAML ({@link dev.tern.auth.acl.MosquittoAclFormat}, {@link
 * dev.tern.auth.acl.YamlAclFormat}), and the engine that answers publish, subscribe and receive from them ({@link
 * dev.tern.auth.acl.Acl}).
 *
 * <p>Owns: rule semantics (who gets which rules, deny wins, a subscription must be covered whole), pattern
 * substitution that no username or client identifier can widen. May not touch: authentication, I/O (it is handed
 * lines or text).
 */
package dev.tern.auth.acl;
