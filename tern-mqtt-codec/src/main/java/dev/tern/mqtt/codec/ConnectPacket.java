package dev.tern.mqtt.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * CONNECT (section 3.1). {@code cleanStart} is 3.x's Clean Session flag; {@code keepAliveSeconds} is 0..65535.
 * Properties are empty for 3.x.
 */
public record ConnectPacket(
        MqttVersion version,
        String clientId,
        boolean cleanStart,
        int keepAliveSeconds,
        Optional<Will> will,
        Optional<String> username,
        Optional<BinaryData> password,
        MqttProperties properties)
        implements MqttPacket {

    public ConnectPacket {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(will, "will");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(properties, "properties");
        if (keepAliveSeconds < 0 || keepAliveSeconds > 0xFFFF) {
            throw new IllegalArgumentException("Keep Alive must be 0..65535 seconds, was " + keepAliveSeconds);
        }
    }

    @Override
    public PacketType type() {
        return PacketType.CONNECT;
    }
}
