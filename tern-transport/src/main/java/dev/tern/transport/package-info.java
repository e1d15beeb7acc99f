/**
 * Network listeners (module tern-transport). Today: {@link dev.tern.transport.TcpListener} on the event loops of
 * {@link dev.tern.transport.EventLoops} (epoll where available, else NIO). TLS and mutual TLS, WebSocket(S), UDP with
 * per-peer demultiplexing, the PROXY protocol and connection limits come with the security and transport issues.
 *
 * <p>Owns: accepting connections and datagrams, Netty event loops and pipelines up to the point where a protocol's
 * decoder takes the bytes over (a {@link dev.tern.transport.ChannelSetup} supplied by the listener's owner), the
 * channel options that make {@code Channel.isWritable()} reflect backpressure, and the listener configuration records.
 *
 * <p>Dependency rule: depends on {@code dev.tern.api}, Netty and SLF4J. It never depends on {@code dev.tern.core} or
 * {@code dev.tern.server}: like the gateways to come (MQTT-SN, CoAP, HTTP), it reaches the broker only through
 * tern-api. Enforced by the module graph and tern-cli's {@code ArchitectureTest}.
 */
package dev.tern.transport;
