/**
 * The server (module tern-server): configuration, the composition root and the lifecycle of a running broker.
 *
 * <p>Owns: reading and validating configuration into the immutable records that each module declares, wiring the
 * core, stores, protocol channels and listeners together by hand (no DI container), and starting and stopping them
 * in order.
 *
 * <p>Dependency rule: the only module that sees everything ({@code dev.tern.api}, {@code dev.tern.core}, the codec,
 * {@code dev.tern.mqtt}, {@code dev.tern.transport}). Nothing depends on it except the command line
 * ({@code dev.tern.cli}). Enforced by tern-cli's {@code ArchitectureTest}.
 */
package dev.tern.server;
