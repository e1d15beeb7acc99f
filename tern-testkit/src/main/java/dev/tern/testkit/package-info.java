/**
 * Shared test helpers (module tern-testkit): a raw MQTT packet client, packet and message builders, a manual clock,
 * and a fixture that runs a broker for integration tests.
 *
 * <p>Owns: test support only. It is used from other modules' test scope and never shipped in {@code tern.jar}.
 *
 * <p>Dependency rule: may depend on the modules it builds fixtures for (today the codec {@code dev.tern.mqtt.codec}),
 * on Netty's buffers and on the JUnit API. No production module may depend on it.
 */
package dev.tern.testkit;
