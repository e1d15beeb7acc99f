/**
 * JMH microbenchmarks: where Tern's speed targets live. Each class measures one thing; fixtures (the packets and their
 * wire bytes) are built once per trial in {@code @Setup} methods, never inside the measured code. Run with {@code java
 * -jar tern-benchmarks/target/benchmarks.jar}; results and the exact commands are in docs/benchmarks.md.
 */
package dev.tern.benchmarks;
