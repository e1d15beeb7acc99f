/**
 * The MQTT protocol adapter (module tern-mqtt): the per-connection {@code MqttChannel} state machine and the thin
 * Netty adapter that carries out its actions. The one public entry point is {@link dev.tern.mqtt.MqttPipeline}; its
 * settings are {@link dev.tern.mqtt.MqttSettings}.
 *
 * <p>Owns: MQTT 3.1, 3.1.1 and 5.0 semantics on one connection. {@code MqttChannel} takes packets, decode failures,
 * timer expiries, the socket's close and the core's outlet calls, and returns sealed {@code Action}s ({@code Send},
 * {@code Flush}, {@code Close}, {@code SetTimer}, ...) without doing any I/O: {@code ConnectPhase} runs CONNECT to
 * CONNACK (checks, authentication and the AUTH exchange, opening the session), {@code ConnectedPhase} everything
 * after, through {@code InboundPublishes}, {@code OutboundPublishes} and {@code Subscriptions}. Every mapping between
 * packets and the {@code dev.tern.api} vocabulary, and every wire reaction to an error (reason codes, 3.x return
 * codes), is made here. {@code MqttFrameDecoder} and {@code MqttConnectionHandler} are the Netty side: decode, feed
 * the channel, write and flush what it returns, run its timers, log, count bytes. Channels are tested by feeding
 * packets and asserting on actions, without sockets.
 *
 * <p>May not touch: the broker's internals. It depends on {@code dev.tern.api}, on the codec {@code
 * dev.tern.mqtt.codec} (module tern-mqtt-codec, which must not depend back on this package), on Netty and on SLF4J;
 * never on {@code dev.tern.core}, {@code dev.tern.transport} or {@code dev.tern.server}. It reaches the core only
 * through tern-api's {@code Broker}, {@code SessionHandle} and {@code AccessControl}, and the core reaches it only
 * through the {@code Outlet} it implements. Enforced by the module graph and tern-cli's {@code ArchitectureTest}.
 */
package dev.tern.mqtt;
