package dev.tern.api.broker;

import dev.tern.api.message.Message;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.Outlet;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.SessionRequest;
import java.util.function.Consumer;

/** The core, as protocol adapters use it. Thread-safe. */
public interface Broker {
    /**
     * Opens or resumes the session of {@code request.client().clientId()}, taking it over from any connection that
     * holds it. {@code onResult} runs on {@code outlet.executor()}; from then on the session is confined there.
     */
    void connect(SessionRequest request, Outlet outlet, Consumer<ConnectResult> onResult);

    /** Publishes a message that belongs to no client session (HTTP, CoAP without a session, rules, $SYS). */
    void publish(Message message, Consumer<PublishOutcome> onOutcome);
}
