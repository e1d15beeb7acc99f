/**
 * The {@code tern} command line: parses arguments with picocli and hands each subcommand to the module that does the
 * work.
 *
 * <p>Owns: the command tree ({@link dev.tern.cli.TernCommand} and its subcommands), their help and version text, and
 * exit codes. {@code TernCommand} is the only public type; it is the main class of {@code tern-cli/target/tern.jar}.
 * The jar's logging configuration ({@code logback.xml}) lives here too: the CLI is the process, the library modules
 * only log through SLF4J.
 *
 * <p>May not touch: broker internals. Commands start and control the broker through {@code dev.tern.server} and the
 * {@code dev.tern.api} vocabulary, never through {@code dev.tern.core} directly; no other package may depend on this
 * one. Both enforced by {@code ArchitectureTest}.
 */
package dev.tern.cli;
