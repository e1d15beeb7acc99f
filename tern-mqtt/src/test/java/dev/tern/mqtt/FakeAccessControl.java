package dev.tern.mqtt;

import dev.tern.api.security.AccessControl;
import dev.tern.api.security.AuthenticationResult;
import dev.tern.api.security.Credentials;
import dev.tern.api.security.EnhancedAuthentication;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Access control with scripted answers; records what it was asked. */
final class FakeAccessControl implements AccessControl {
    AuthenticationResult answer = new AuthenticationResult.Accepted(Optional.empty());
    final List<Credentials> asked = new ArrayList<>();
    /** Per method, the steps one exchange answers with, in order. */
    final Map<String, List<EnhancedAuthentication.Step>> methods = new HashMap<>();
    /** The client data each exchange step received. */
    final List<String> clientData = new ArrayList<>();

    @Override
    public AuthenticationResult authenticate(Credentials credentials) {
        asked.add(credentials);
        return answer;
    }

    @Override
    public Optional<EnhancedAuthentication> enhancedAuthentication(String method, Credentials credentials) {
        asked.add(credentials);
        List<EnhancedAuthentication.Step> script = methods.get(method);
        if (script == null) {
            return Optional.empty();
        }
        Deque<EnhancedAuthentication.Step> steps = new ArrayDeque<>(script);
        return Optional.of(data -> {
            clientData.add(new String(data, java.nio.charset.StandardCharsets.UTF_8));
            return steps.removeFirst();
        });
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
