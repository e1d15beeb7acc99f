package dev.tern.mqtt;

import dev.tern.mqtt.codec.MalformedPacketException;
import dev.tern.mqtt.codec.MqttVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link MqttFrameDecoder} passes on instead of a packet when the bytes break the spec; nothing is decoded after
 * it. {@code version} is the decoder's, known once CONNECT's protocol level was read.
 */
record DecodeFailure(MalformedPacketException failure, Optional<MqttVersion> version) {
    DecodeFailure {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(version, "version");
    }
}
