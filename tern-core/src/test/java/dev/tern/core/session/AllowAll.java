package dev.tern.core.session;

import dev.tern.api.security.AccessControl;
import dev.tern.api.security.AuthenticationResult;
import dev.tern.api.security.Credentials;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;

/** Access control that lets everyone do everything: core tests are about routing, not authorisation. */
public final class AllowAll implements AccessControl {
    public static final AccessControl INSTANCE = new AllowAll();

    private AllowAll() {}

    @Override
    public AuthenticationResult authenticate(Credentials credentials) {
        return new AuthenticationResult.Accepted(credentials.username());
    }

    @Override
    public boolean mayPublish(ClientInfo client, TopicName topic) {
        return true;
    }

    @Override
    public boolean maySubscribe(ClientInfo client, TopicFilter filter) {
        return true;
    }

    @Override
    public boolean mayReceive(ClientInfo client, TopicName topic) {
        return true;
    }
}
