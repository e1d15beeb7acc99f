package dev.tern.transport;

import io.netty.channel.Channel;

/**
 * What a listener's owner does with each accepted connection: installs its protocol's handlers at the end of the
 * pipeline. The listener calls it on the connection's event loop, after its own handlers (TLS, PROXY protocol, when
 * those come) are in place.
 */
@FunctionalInterface
public interface ChannelSetup {
    void install(Channel channel) throws Exception;
}
