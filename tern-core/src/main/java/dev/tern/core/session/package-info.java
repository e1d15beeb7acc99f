/**
 * Sessions: each one an actor confined to one thread at a time (its connection's event loop while connected), with a
 * lock-free mailbox through which publishers on other threads hand it messages in batches. Holds subscriptions, the
 * inflight window, the bounded queue, inbound QoS 2 state, the will and the session's expiry; the registry opens,
 * takes over and ends sessions; the router fans publications out to them.
 *
 * <p>Owns: per-session state and the QoS flows. May not touch: wire formats or Netty (the outlet hides the
 * connection), the store's internals.
 */
package dev.tern.core.session;
