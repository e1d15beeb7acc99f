package dev.tern.auth;

import dev.tern.api.security.Credentials;
import dev.tern.api.security.EnhancedAuthentication;

/** An enhanced authentication exchange whose failure is logged like any other refusal. */
final class LoggedExchange implements EnhancedAuthentication {
    private final EnhancedAuthentication inner;
    private final Credentials credentials;
    private final RefusalLog refusals;

    LoggedExchange(EnhancedAuthentication inner, Credentials credentials, RefusalLog refusals) {
        this.inner = inner;
        this.credentials = credentials;
        this.refusals = refusals;
    }

    @Override
    public Step step(byte[] clientData) {
        Step step = inner.step(clientData);
        if (step instanceof Step.Failure failure) {
            refusals.refused(
                    "connect",
                    credentials.clientId(),
                    credentials.peer(),
                    credentials.listener(),
                    "enhanced authentication failed",
                    failure.detail());
        }
        return step;
    }
}
