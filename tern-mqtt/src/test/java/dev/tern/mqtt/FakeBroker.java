package dev.tern.mqtt;

import dev.tern.api.broker.Broker;
import dev.tern.api.message.Message;
import dev.tern.api.session.ConnectRefusal;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.Outlet;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.SessionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A broker that opens a {@link FakeSession} for every connect, at once, or when the test says ({@link #hold}), or
 * refuses it ({@link #refusal}).
 */
final class FakeBroker implements Broker {
    final List<SessionRequest> requests = new ArrayList<>();
    final List<FakeSession> sessions = new ArrayList<>();
    Outlet outlet;
    boolean sessionPresent;
    ConnectRefusal refusal;
    boolean hold;
    /** When set, the session expiry the broker applies instead of the one asked for. */
    Long cappedSessionExpiry;

    private Consumer<ConnectResult> pending;

    @Override
    public void connect(SessionRequest request, Outlet outlet, Consumer<ConnectResult> onResult) {
        requests.add(request);
        this.outlet = outlet;
        if (hold) {
            pending = onResult;
        } else {
            onResult.accept(answer(request));
        }
    }

    /** Answers a held connect. */
    void answer() {
        Consumer<ConnectResult> onResult = pending;
        pending = null;
        onResult.accept(answer(requests.getLast()));
    }

    private ConnectResult answer(SessionRequest request) {
        if (refusal != null) {
            return new ConnectResult.Refused(refusal);
        }
        FakeSession session = new FakeSession(request.client().clientId());
        sessions.add(session);
        long expiry = cappedSessionExpiry != null
                ? Math.min(cappedSessionExpiry, request.sessionExpirySeconds())
                : request.sessionExpirySeconds();
        return new ConnectResult.Connected(session, sessionPresent, expiry);
    }

    FakeSession session() {
        return sessions.getLast();
    }

    @Override
    public void publish(Message message, Consumer<PublishOutcome> onOutcome) {
        throw new UnsupportedOperationException("channels publish through their session");
    }
}
