/**
 * What travels through the broker: {@link dev.tern.api.message.Message} and its parts, in a form no protocol owns.
 *
 * <p>Owns: message values. May not touch: delivery, sessions, wire encodings.
 */
package dev.tern.api.message;
