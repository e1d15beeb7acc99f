package dev.tern.mqtt;

import dev.tern.api.broker.Broker;
import dev.tern.api.broker.Traffic;
import dev.tern.api.security.AccessControl;
import dev.tern.transport.ConnectionAttributes;
import io.netty.channel.ChannelPipeline;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.InstantSource;

/** The entry point of module tern-mqtt: turns an accepted connection into an MQTT connection. */
public final class MqttPipeline {
    /**
     * The client's real address when a PROXY protocol header named it; a transport sets this channel attribute
     * before the client's CONNECT arrives. Without it the socket's remote address is the peer.
     */
    public static final AttributeKey<InetSocketAddress> CLIENT_ADDRESS = ConnectionAttributes.CLIENT_ADDRESS;

    /** Unpredictable assigned client identifiers: a guessed one could take another client's session over. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private MqttPipeline() {}

    /**
     * Installs the MQTT handlers on a freshly accepted channel (after any TLS/WebSocket/PROXY handlers): a decoder
     * limited to {@code settings.maxPacketSize()} and the connection handler that runs the protocol against {@code
     * broker}. {@code listenerName} appears in logs and in what access control sees.
     */
    public static void install(
            ChannelPipeline pipeline,
            MqttSettings settings,
            Broker broker,
            AccessControl accessControl,
            Traffic traffic,
            String listenerName) {
        install(
                pipeline,
                new ChannelEnvironment(
                        settings, broker, accessControl, traffic, InstantSource.system(), RANDOM, listenerName));
    }

    static void install(ChannelPipeline pipeline, ChannelEnvironment env) {
        pipeline.addLast("mqtt-decoder", new MqttFrameDecoder(env.settings().maxPacketSize(), env.traffic()));
        pipeline.addLast("mqtt-connection", new MqttConnectionHandler(env));
    }
}
