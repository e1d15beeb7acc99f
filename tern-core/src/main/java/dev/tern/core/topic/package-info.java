/**
 * The subscription index: which subscribers' filters match a topic name, with shared-subscription groups.
 *
 * <p>Owns: the trie of filter levels and concurrent reads of it. May not touch: sessions' state (subscribers are an
 * opaque type parameter), delivery, retained messages.
 */
package dev.tern.core.topic;
