package dev.tern.api.security;

import java.util.Objects;

/**
 * One challenge/response exchange of an authentication method (MQTT 5 AUTH, section 4.12), such as SCRAM. A new
 * instance serves one connection's exchange.
 */
public interface EnhancedAuthentication {
    /** Handles the client's data (from CONNECT, then from each AUTH) and says what comes next. */
    Step step(byte[] clientData);

    /** The next move of an exchange. */
    sealed interface Step {
        /** Send {@code serverData} to the client and wait for its answer. */
        record Continue(byte[] serverData) implements Step {
            public Continue {
                Objects.requireNonNull(serverData, "serverData");
            }
        }

        /** Authenticated as {@code username}; {@code serverData} goes with the success. */
        record Success(String username, byte[] serverData) implements Step {
            public Success {
                Objects.requireNonNull(username, "username");
                Objects.requireNonNull(serverData, "serverData");
            }
        }

        /** Failed; {@code detail} goes to the log. */
        record Failure(String detail) implements Step {
            public Failure {
                Objects.requireNonNull(detail, "detail");
            }
        }
    }
}
