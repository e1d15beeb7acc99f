/**
 * Shared test helpers (module tern-testkit): brokers to test against, in-process ({@link
 * dev.tern.testkit.EmbeddedBroker}) or as a separate OS process ({@link dev.tern.testkit.BrokerProcess}, for signals,
 * exit codes and crashes); external processes whose output can be waited on line by line ({@link
 * dev.tern.testkit.CapturedProcess}), such as Mosquitto's clients ({@link dev.tern.testkit.MosquittoClients}); a raw
 * MQTT packet client.
 *
 * <p>Owns: test support only. It is used from other modules' test scope and never shipped in {@code tern.jar}. Waiting
 * is always on a condition (a line printed, a process ended, a socket read), bounded by a timeout; never a sleep.
 *
 * <p>Dependency rule: may depend on every module it builds fixtures for, the server ({@code dev.tern.server})
 * included, on Netty's buffers and on the JUnit API. No production module may depend on it (tern-cli's {@code
 * ArchitectureTest}). Because it depends on tern-server, only modules built after tern-server can use it.
 */
package dev.tern.testkit;
