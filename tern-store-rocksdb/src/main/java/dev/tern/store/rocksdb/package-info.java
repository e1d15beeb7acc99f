/**
 * The durable store (module tern-store-rocksdb): {@link dev.tern.store.rocksdb.RocksDbSessionStore}, the
 * {@link dev.tern.api.store.SessionStore} that keeps persistent sessions, their subscriptions, queued and inflight
 * deliveries, inbound QoS 2 state, wills and retained messages in RocksDB, plus {@link
 * dev.tern.store.rocksdb.StoreRepair} for the {@code tern store repair} command.
 *
 * <p>Owns: the on-disk format (docs/design/0003-durable-store.md), the store thread that groups writes into one
 * RocksDB write and one sync, disk-full detection and recovery, and everything native about RocksDB: no RocksDB type
 * leaves this module.
 *
 * <p>Dependency rule: depends only on {@code dev.tern.api}, RocksDB, the JDK and SLF4J. It never sees the core, the
 * protocols, the transport or the server, and never calls into delivery: the only way back is completing a write's
 * callback. Only tern-server wires it in.
 */
package dev.tern.store.rocksdb;
