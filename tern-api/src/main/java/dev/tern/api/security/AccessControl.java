package dev.tern.api.security;

import dev.tern.api.session.ClientInfo;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.util.Optional;

/** Who may do what. Implementations must be thread-safe and must not block (cache what is slow to check). */
public interface AccessControl {
    AuthenticationResult authenticate(Credentials credentials);

    /** A fresh exchange for an MQTT 5 authentication method, or empty when the method is not supported (0x8C). */
    default Optional<EnhancedAuthentication> enhancedAuthentication(String method, Credentials credentials) {
        return Optional.empty();
    }

    boolean mayPublish(ClientInfo client, TopicName topic);

    /** Whether the whole filter is readable: a filter wider than the rules allow is refused, not narrowed. */
    boolean maySubscribe(ClientInfo client, TopicFilter filter);

    /** Checked for every delivery, so that no wildcard reaches a topic the client may not read. */
    boolean mayReceive(ClientInfo client, TopicName topic);
}
