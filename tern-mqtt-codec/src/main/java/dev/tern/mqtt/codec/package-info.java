/**
 * Strict MQTT 3.1, 3.1.1 and 5.0 packet codec: bytes on a Netty {@code ByteBuf} to sealed {@link
 * dev.tern.mqtt.codec.MqttPacket} records and back.
 *
 * <p>Why our own codec rather than Netty's {@code codec-mqtt}: Netty's decoder substitutes invalid UTF-8 instead of
 * rejecting it [MQTT-1.5.4-1], lets a duplicated MQTT 5 property silently overwrite the first one (a Protocol Error
 * by section 2.2.2.2),
 * has no per-packet rules for which property may appear where, and accepts DUP on a QoS 0 PUBLISH [MQTT-3.3.1-2] and a
 * will QoS of 3 [MQTT-3.1.2-14]. A broker that promises "bad input gets a clear error" cannot sit on that.
 *
 * <p>Every decode failure is a {@link dev.tern.mqtt.codec.MalformedPacketException} carrying the MQTT 5 reason code,
 * the MQTT 3.x CONNACK return code where 3.x answers with one, and the spec statement it enforces. Limits (maximum
 * packet size) are checked from the fixed header, before the body is buffered.
 *
 * <p>Spec statement ids: where MQTT 3.1.1 and 5.0 number the same statement differently, the 3.1.1 id is cited (will QoS
 * 3 is [MQTT-3.1.2-14] in 3.1.1 and [MQTT-3.1.2-12] in 5.0); statements that exist only in 5.0 carry 5.0 ids; rules
 * the spec states without an id cite their section (such as {@code 2.2.2.2}).
 *
 * <p>Owns: wire format only. May not touch: sockets, channels, sessions, the broker core ({@code tern-api}); it knows
 * nothing about what a packet means beyond its syntax.
 */
package dev.tern.mqtt.codec;
