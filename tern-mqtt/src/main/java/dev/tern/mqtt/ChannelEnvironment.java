package dev.tern.mqtt;

import dev.tern.api.broker.Broker;
import dev.tern.api.broker.Traffic;
import dev.tern.api.security.AccessControl;
import java.time.InstantSource;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What every {@link MqttChannel} of a listener shares: settings, the core, access control, traffic counters, and the
 * injected clock and randomness (for message expiry and assigned client identifiers).
 */
record ChannelEnvironment(
        MqttSettings settings,
        Broker broker,
        AccessControl accessControl,
        Traffic traffic,
        InstantSource clock,
        RandomGenerator random,
        String listenerName) {

    ChannelEnvironment {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(accessControl, "accessControl");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(listenerName, "listenerName");
    }
}
