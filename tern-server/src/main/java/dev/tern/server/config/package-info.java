/**
 * The configuration: a YAML file and {@code --set key=value} overrides, read into immutable, self-validating records
 * ({@link dev.tern.server.config.TernConfig} and its sections) and mapped onto the settings records of the modules
 * they configure ({@code CoreSettings}, {@code MqttSettings}). Every key is documented in docs/configuration.md.
 *
 * <p>Owns: key names, defaults (taken from the owning modules' settings), parsing, validation and the error messages
 * that tell the user what to fix. May not touch: anything running; it builds values and nothing else. Only Jackson's
 * ordinary record binding, no reflection of its own beyond reading enum names for messages.
 */
package dev.tern.server.config;
