/**
 * Network listeners (module tern-transport): TCP, TLS and mutual TLS, WebSocket(S), UDP with per-peer demultiplexing,
 * the PROXY protocol and connection limits.
 *
 * <p>Owns: accepting connections and datagrams, Netty event loops and pipelines up to the point where a protocol's
 * decoder takes the bytes over, and the listener configuration records.
 *
 * <p>Dependency rule: depends on {@code dev.tern.api}, Netty and SLF4J. It never depends on {@code dev.tern.core} or
 * {@code dev.tern.server}: like the gateways to come (MQTT-SN, CoAP, HTTP), it reaches the broker only through
 * tern-api. Enforced by the module graph and tern-cli's {@code ArchitectureTest}.
 */
package dev.tern.transport;
