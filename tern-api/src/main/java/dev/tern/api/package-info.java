/**
 * Tern's protocol-neutral vocabulary and seams (module tern-api).
 *
 * <p>Owns: the value types every protocol adapter shares ({@code Message}, {@code TopicName}, {@code TopicFilter},
 * {@code Qos}, {@code SubscriptionOptions}, {@code ClientInfo}) and the interfaces between the layers ({@code Broker},
 * {@code SessionRegistry}, {@code SessionHandle}, {@code Outlet}, {@code AccessControl}, the store interfaces and
 * {@code BrokerEvents}). MQTT is only the first adapter on this API; MQTT-SN, CoAP and HTTP gateways use the same
 * types, so nothing here may be shaped like an MQTT packet.
 *
 * <p>Dependency rule: the bottom of the stack. It depends on the JDK only: on nothing else in {@code dev.tern} and
 * never on Netty. Every other module may depend on it. Enforced by tern-cli's {@code ArchitectureTest}.
 */
package dev.tern.api;
