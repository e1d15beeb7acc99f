/**
 * The server (module tern-server): configuration, the composition root and the lifecycle of a running broker.
 *
 * <p>Owns: {@link dev.tern.server.TernServer}, which wires the core, access control, protocol channels and listeners
 * together by hand (no DI container) and starts and stops them in order; {@link dev.tern.server.ForegroundServer},
 * which runs it for {@code tern start} (ready line, signals, exit codes); the core's timer thread; the version.
 * Sub-packages: {@code config} (reading and validating configuration), {@code security} (access control).
 *
 * <p>Dependency rule: the only module that sees everything ({@code dev.tern.api}, {@code dev.tern.core}, the codec,
 * {@code dev.tern.mqtt}, {@code dev.tern.transport}). Nothing depends on it except the command line
 * ({@code dev.tern.cli}) and the test fixtures ({@code dev.tern.testkit}). Enforced by tern-cli's
 * {@code ArchitectureTest}.
 */
package dev.tern.server;
