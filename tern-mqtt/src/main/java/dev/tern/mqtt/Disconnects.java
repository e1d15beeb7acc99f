package dev.tern.mqtt;

import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttStrings;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PacketType;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.ReasonCode;

/** The server's MQTT 5 DISCONNECT (section 3.14), with a Reason String where one helps and fits. */
final class Disconnects {
    /** Reason Strings are for humans reading a client's log; longer ones are cut. */
    private static final int MAX_REASON_STRING = 200;

    private Disconnects() {}

    /**
     * DISCONNECT with {@code code} (0x80 if DISCONNECT may not carry it) and {@code reasonString} unless empty or it
     * would make the packet larger than the client's Maximum Packet Size [MQTT-3.14.2-3].
     */
    static DisconnectPacket of(ReasonCode code, String reasonString, long clientMaximumPacketSize) {
        ReasonCode allowed = code.isAllowedIn(PacketType.DISCONNECT) ? code : ReasonCode.UNSPECIFIED_ERROR;
        DisconnectPacket bare = new DisconnectPacket(allowed, MqttProperties.EMPTY);
        String text = clip(reasonString);
        if (text.isEmpty()) {
            return bare;
        }
        DisconnectPacket explained = new DisconnectPacket(
                allowed,
                MqttProperties.builder().put(PropertyId.REASON_STRING, text).build());
        return MqttEncoder.encodedSize(explained, MqttVersion.V5) <= clientMaximumPacketSize ? explained : bare;
    }

    /** A Reason String that can be sent: at most {@value #MAX_REASON_STRING} characters, or empty. */
    static String clip(String reason) {
        String text = reason.length() > MAX_REASON_STRING ? reason.substring(0, MAX_REASON_STRING) : reason;
        return MqttStrings.isEncodable(text) ? text : "";
    }
}
