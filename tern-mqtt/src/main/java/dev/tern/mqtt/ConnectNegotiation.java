package dev.tern.mqtt;

import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Qos;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.Will;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttStrings;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.transport.CertificateIdentity;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Checks a CONNECT against the server's rules and settles its {@link ConnectTerms}; what the codec cannot know
 * (limits, features switched off) is refused here, before authentication.
 */
final class ConnectNegotiation {
    /** Prefix of assigned client identifiers: {@code tern-} and 16 hex digits, 21 bytes, within 3.1.1's 23. */
    static final String ASSIGNED_PREFIX = "tern-";

    private ConnectNegotiation() {}

    /** The result of checking a CONNECT. */
    sealed interface Outcome {}

    /** The CONNECT is acceptable as far as the protocol goes; authentication comes next. */
    record Agreed(ConnectTerms terms) implements Outcome {
        Agreed {
            Objects.requireNonNull(terms, "terms");
        }
    }

    /** Refused with a CONNACK carrying {@code code} (3.x: the nearest return code). */
    record Refused(ReasonCode code, String rule, String detail) implements Outcome {
        Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Checks {@code connect}; a refusal for crossing a configured limit is counted in {@code traffic}. */
    static Outcome negotiate(
            ConnectPacket connect, MqttSettings settings, RandomGenerator random, Traffic traffic, long nowMillis) {
        return negotiate(connect, settings, random, traffic, nowMillis, Optional.empty());
    }

    /**
     * As above, for a client whose TLS certificate the listener takes its username or client identifier from: those
     * replace what the CONNECT says (as Mosquitto's use_identity_as_username does), so a client cannot claim another
     * name than its certificate's. A replaced client identifier is returned to a 5.0 client as assigned.
     */
    static Outcome negotiate(
            ConnectPacket connect,
            MqttSettings settings,
            RandomGenerator random,
            Traffic traffic,
            long nowMillis,
            Optional<CertificateIdentity> certificate) {
        boolean v5 = connect.version().isV5();
        Optional<String> certificateClientId = certificate.flatMap(CertificateIdentity::clientId);
        String clientId = certificateClientId.orElse(connect.clientId());
        boolean assigned = clientId.isEmpty() || !clientId.equals(connect.clientId());
        Optional<String> username =
                certificate.flatMap(CertificateIdentity::username).or(connect::username);
        if (certificateClientId.isPresent()) {
            // the certificate's name, whatever its length: the CA vouched for it
        } else if (assigned) {
            // [MQTT-3.1.3-6] a zero-length ClientId gets a unique one assigned; the codec has already refused it
            // where the version forbids it (3.1, and 3.1.1 with Clean Session 0 [MQTT-3.1.3-8]).
            clientId = assignClientId(random);
        } else if (clientId.getBytes(StandardCharsets.UTF_8).length > settings.maxClientIdLength()) {
            // [MQTT-3.1.3-5] 1..23 bytes must be allowed, more may be; beyond mqtt.max_client_id_length the id is
            // rejected: 5.0 0x85 [MQTT-3.1.3-8], 3.1.1 return code 2 [MQTT-3.1.3-9].
            traffic.limitExceeded(Traffic.Limit.CLIENT_ID_LENGTH);
            return new Refused(
                    ReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "MQTT-3.1.3-5",
                    "client identifier longer than " + settings.maxClientIdLength() + " bytes");
        }
        Optional<Refused> willProblem = checkWill(connect, settings, traffic);
        if (willProblem.isPresent()) {
            return willProblem.get();
        }
        MqttProperties properties = connect.properties();
        int keepAlive = connect.keepAliveSeconds();
        boolean keepAliveOverridden = keepAlive == 0 || keepAlive > settings.maxKeepAliveSeconds();
        if (keepAliveOverridden) {
            // 5.0 tells the client with Server Keep Alive [MQTT-3.2.2-21]; 3.x cannot be told and is held to the
            // maximum silently (Mosquitto refuses such 3.x clients instead; a silent limit breaks no client).
            keepAlive = settings.maxKeepAliveSeconds();
        }
        long sessionExpiry = v5
                ? properties.sessionExpiryInterval().orElse(0)
                : connect.cleanStart() ? 0 : SessionRequest.NEVER_EXPIRES;
        String sessionClientId = clientId;
        Optional<Will> will = connect.will().map(w -> MessageMapping.will(w, sessionClientId, nowMillis));
        ConnectTerms terms = new ConnectTerms(
                connect.version(),
                clientId,
                assigned,
                connect.cleanStart(),
                sessionExpiry,
                properties.receiveMaximum().orElse(65_535),
                keepAlive,
                keepAliveOverridden,
                properties.maximumPacketSize().orElse(Long.MAX_VALUE),
                properties.topicAliasMaximum().orElse(0),
                properties.requestResponseInformation().orElse(0) == 1,
                username,
                properties.authenticationMethod(),
                will);
        return new Agreed(terms);
    }

    private static Optional<Refused> checkWill(ConnectPacket connect, MqttSettings settings, Traffic traffic) {
        if (connect.will().isEmpty()) {
            return Optional.empty();
        }
        dev.tern.mqtt.codec.Will will = connect.will().get();
        if (Qos.ofLevel(will.qos().value()).compareTo(settings.maximumQos()) > 0) {
            // [MQTT-3.2.2-12] a Will QoS beyond the server's Maximum QoS: reject, with 0x9B.
            traffic.limitExceeded(Traffic.Limit.MAXIMUM_QOS);
            return Optional.of(new Refused(
                    ReasonCode.QOS_NOT_SUPPORTED,
                    "MQTT-3.2.2-12",
                    "Will QoS " + will.qos().value() + " not supported"));
        }
        if (will.retain() && !settings.retainAvailable()) {
            // [MQTT-3.2.2-13] Will Retain 1 while retained messages are not supported: reject, with 0x9A.
            return Optional.of(
                    new Refused(ReasonCode.RETAIN_NOT_SUPPORTED, "MQTT-3.2.2-13", "retained wills are not supported"));
        }
        MqttProperties properties = will.properties();
        if (properties.payloadFormatIndicator().orElse(0) == MessageMapping.UTF8_PAYLOAD
                && !isUtf8(will.payload().bytes())) {
            // 3.1.3.2.3: the Server MAY check a will marked as UTF-8, and refuse it with 0x99.
            return Optional.of(new Refused(
                    ReasonCode.PAYLOAD_FORMAT_INVALID, "3.1.3.2.3", "will payload is marked UTF-8 but is not"));
        }
        if (!MessageMapping.hasValidResponseTopic(properties)) {
            return Optional.of(new Refused(
                    ReasonCode.PROTOCOL_ERROR, "MQTT-3.3.2-14", "will Response Topic is not a valid topic name"));
        }
        return Optional.empty();
    }

    private static boolean isUtf8(byte[] bytes) {
        return MqttStrings.isWellFormedUtf8(Unpooled.wrappedBuffer(bytes), 0, bytes.length);
    }

    static String assignClientId(RandomGenerator random) {
        return ASSIGNED_PREFIX + HexFormat.of().toHexDigits(random.nextLong());
    }
}
