package dev.tern.benchmarks.load;

import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttVersion;

/** Connects with a clean, non-persistent session under an existing client id: the broker then drops the old one. */
final class SessionEnder extends ClientConnection {
    SessionEnder(MqttVersion version, String clientId) {
        super(version, clientId, false);
    }

    @Override
    protected void onPacket(MqttPacket packet) {}
}
