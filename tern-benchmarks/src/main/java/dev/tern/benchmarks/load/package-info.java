/**
 * The MQTT load generator: real client connections over loopback TCP against a running broker, measuring what a user
 * of the broker sees (throughput, loss, duplicates, end-to-end and acknowledgement latency, CPU). It is the first piece
 * of {@code tern bench}: today one scenario ({@link dev.tern.benchmarks.load.PairsScenario}, N publisher/subscriber
 * pairs at QoS 1 to persistent sessions); further scenarios (fan-in, fan-out, shared subscriptions, connection storms)
 * implement {@link dev.tern.benchmarks.load.Scenario} and reuse the connections, the recorders and the report.
 *
 * <p>Clients are Netty channels (epoll where available) speaking MQTT through Tern's own codec; each connection is
 * driven by its event loop only, so its counters and histograms need no locks, and are read once at the end through
 * that same event loop. Every run is bounded in time and in messages, and connects to loopback addresses only.
 *
 * <p>Run: {@code java -cp tern-benchmarks/target/benchmarks.jar dev.tern.benchmarks.load.LoadGenerator --help}; the
 * figures and the exact commands are in docs/benchmarks.md. Depends on the codec, Netty, HdrHistogram and picocli,
 * never on the broker itself.
 */
package dev.tern.benchmarks.load;
