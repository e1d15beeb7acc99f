/**
 * Retained messages: the last message with RETAIN set on each topic, handed to new subscriptions.
 *
 * <p>Owns: the in-memory retained store and its lookup by filter. May not touch: sessions or delivery.
 */
package dev.tern.core.retained;
