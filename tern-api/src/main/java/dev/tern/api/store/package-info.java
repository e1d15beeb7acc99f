/**
 * The seam between the core and a durable store (module tern-api).
 *
 * <p>Owns: {@link dev.tern.api.store.SessionStore}, the journal of session deltas the core writes ({@link
 * dev.tern.api.store.StoreChange}) and what a store gives back at start ({@link dev.tern.api.store.StoredState}). The
 * core decides what to write and when to wait for it; a store decides how to make it durable (tern-store-rocksdb). A
 * store never calls into delivery: it only completes writes.
 */
package dev.tern.api.store;
