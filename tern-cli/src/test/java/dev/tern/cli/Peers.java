package dev.tern.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.testkit.MosquittoClients;

/** The interoperability peers the integration tests need, and what happens when they are missing. */
final class Peers {
    private Peers() {}

    /**
     * Skips the test on a developer machine without mosquitto-clients, with the install hint; fails it in CI (where
     * {@code CI=true} and .ci/run installs them), so that CI never passes by skipping.
     */
    static void requireMosquittoClients() {
        if (!MosquittoClients.installed() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(MosquittoClients.installHint() + " (CI=true, so they should have been installed by .ci/run)");
        }
        assumeTrue(MosquittoClients.installed(), MosquittoClients.installHint());
    }
}
