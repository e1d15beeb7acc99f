/**
 * Topic names and topic filters as every protocol sees them, and the matching rule between them (MQTT section 4.7).
 *
 * <p>Owns: syntax and matching semantics. May not touch: indexes or subscriptions (tern-core builds those on these
 * values), wire encodings (each protocol adapter maps its own).
 */
package dev.tern.api.topic;
