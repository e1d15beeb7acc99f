package dev.tern.benchmarks.load;

/**
 * One shape of load (pairs today; fan-in, fan-out, shared subscriptions and connection storms to come): it opens its
 * connections on the given loops, runs within the bounds of the settings, closes everything it opened and reports.
 */
interface Scenario {
    RunResult run(LoadSettings settings, ClientLoops loops) throws InterruptedException;
}
