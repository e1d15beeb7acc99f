package dev.tern.mqtt;

import dev.tern.api.message.Qos;
import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.ConnectReturnCode;
import dev.tern.mqtt.codec.MalformedPacketException;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PacketType;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.ReasonCode;
import java.util.Optional;

/** Builds CONNACKs: what the server advertises on success (section 3.2.2.3) and the refusals. */
final class ConnAcks {
    /**
     * Response Information for a client that asks for it (Request Response Information 1): {@code response/} and the
     * client identifier, a part of the topic tree that belongs to this client for the life of its session (section
     * 3.2.2.3.15). Access control has to let the client use it; it is a convention, not a grant.
     */
    static final String RESPONSE_INFORMATION_PREFIX = "response/";

    private ConnAcks() {}

    /**
     * The CONNACK of an accepted connection. 5.0 properties advertise the limits and say what is not supported; a
     * property is left out where its absence means the same (section 3.2.2.3).
     */
    static ConnAckPacket accepted(
            ConnectTerms terms,
            MqttSettings settings,
            boolean sessionPresent,
            long appliedSessionExpirySeconds,
            MqttProperties authentication) {
        // [MQTT-3.2.2-2] (3.1.1 [MQTT-3.2.2-1]) a Clean Start connection never has a session present.
        boolean present = sessionPresent && !terms.cleanStart();
        if (!terms.version().isV5()) {
            return new ConnAckPacket(present, ReasonCode.SUCCESS, MqttProperties.EMPTY);
        }
        MqttProperties.Builder properties = authentication.toBuilder();
        properties.put(PropertyId.RECEIVE_MAXIMUM, settings.receiveMaximum());
        if (settings.topicAliasMaximum() > 0) {
            properties.put(PropertyId.TOPIC_ALIAS_MAXIMUM, settings.topicAliasMaximum());
        }
        properties.put(PropertyId.MAXIMUM_PACKET_SIZE, settings.maxPacketSize());
        if (settings.maximumQos() != Qos.EXACTLY_ONCE) {
            // [MQTT-3.2.2-9] a server that does not support QoS 1 or 2 says so.
            properties.put(PropertyId.MAXIMUM_QOS, settings.maximumQos().level());
        }
        if (!settings.retainAvailable()) {
            properties.put(PropertyId.RETAIN_AVAILABLE, 0);
        }
        if (!settings.wildcardSubscriptionsAvailable()) {
            properties.put(PropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE, 0);
        }
        if (!settings.subscriptionIdentifiersAvailable()) {
            properties.put(PropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE, 0);
        }
        if (!settings.sharedSubscriptionsAvailable()) {
            properties.put(PropertyId.SHARED_SUBSCRIPTION_AVAILABLE, 0);
        }
        if (appliedSessionExpirySeconds < terms.sessionExpirySeconds()) {
            // 3.2.2.3.2: a server that uses another Session Expiry Interval than the client asked for says so.
            properties.put(PropertyId.SESSION_EXPIRY_INTERVAL, appliedSessionExpirySeconds);
        }
        if (terms.keepAliveOverridden()) {
            // [MQTT-3.2.2-21] the client must use the Server Keep Alive instead of its own.
            properties.put(PropertyId.SERVER_KEEP_ALIVE, terms.keepAliveSeconds());
        }
        if (terms.clientIdAssigned()) {
            // [MQTT-3.2.2-16] an empty client identifier is answered with the Assigned Client Identifier.
            properties.put(PropertyId.ASSIGNED_CLIENT_IDENTIFIER, terms.clientId());
        }
        if (terms.requestResponseInformation()) {
            properties.put(PropertyId.RESPONSE_INFORMATION, RESPONSE_INFORMATION_PREFIX + terms.clientId());
        }
        ConnAckPacket connAck = new ConnAckPacket(present, ReasonCode.SUCCESS, properties.build());
        if (terms.requestResponseInformation() && !fits(connAck, terms.version(), terms.maximumPacketSize())) {
            // [MQTT-3.1.2-24] nothing larger than the client's Maximum Packet Size: the optional part goes first.
            properties.remove(PropertyId.RESPONSE_INFORMATION);
            connAck = new ConnAckPacket(present, ReasonCode.SUCCESS, properties.build());
        }
        return connAck;
    }

    /**
     * A refusing CONNACK [MQTT-3.2.2-6]; for 5.0 with {@code reason} as Reason String when it fits the client's
     * Maximum Packet Size [MQTT-3.2.2-19]. 3.x encodes the nearest return code.
     */
    static ConnAckPacket refused(ReasonCode code, MqttVersion version, String reason, long clientMaximumPacketSize) {
        ReasonCode allowed = code.isAllowedIn(PacketType.CONNACK) ? code : ReasonCode.UNSPECIFIED_ERROR;
        ConnAckPacket bare = new ConnAckPacket(false, allowed, MqttProperties.EMPTY);
        String text = Disconnects.clip(reason);
        if (!version.isV5() || text.isEmpty()) {
            return bare;
        }
        ConnAckPacket explained = new ConnAckPacket(
                false,
                allowed,
                MqttProperties.builder().put(PropertyId.REASON_STRING, text).build());
        return fits(explained, version, clientMaximumPacketSize) ? explained : bare;
    }

    /**
     * The CONNACK that answers a CONNECT the decoder refused, if the version allows one: 5.0 gets the reason code; 3.x
     * only where it defines a return code for the failure. An unsupported protocol level, whose version is unknown,
     * is answered the 3.1.1 way, {@code 0x20 0x02 0x00 0x01} [MQTT-3.1.2-2].
     */
    static Optional<Action.Send> forDecodeFailure(MalformedPacketException failure, Optional<MqttVersion> version) {
        if (version.isPresent() && version.get().isV5()) {
            return Optional.of(new Action.Send(refused(failure.reasonCode(), MqttVersion.V5, "", 0), MqttVersion.V5));
        }
        if (failure.v3ConnackReturnCode().isEmpty()) {
            return Optional.empty();
        }
        ReasonCode code =
                ConnectReturnCode.values()[failure.v3ConnackReturnCode().getAsInt()].toReasonCode();
        return Optional.of(new Action.Send(
                new ConnAckPacket(false, code, MqttProperties.EMPTY), version.orElse(MqttVersion.V3_1_1)));
    }

    static boolean fits(MqttPacket packet, MqttVersion version, long maximumPacketSize) {
        return MqttEncoder.encodedSize(packet, version) <= maximumPacketSize;
    }
}
