package dev.tern.mqtt;

import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Message;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.session.Refusal;
import dev.tern.api.session.SessionHandle;
import dev.tern.api.topic.TopicName;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttStrings;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PubCompPacket;
import dev.tern.mqtt.codec.PubRecPacket;
import dev.tern.mqtt.codec.PubRelPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.time.InstantSource;
import java.util.Optional;

/**
 * PUBLISH from the client (section 3.3.4) and the QoS 1 and 2 flows that acknowledge it (4.3). Runs an ordered list of
 * checks (QoS allowed, retain available, topic alias, response topic, payload format, receive maximum), then hands the
 * message to the session and acknowledges with the outcome.
 */
final class InboundPublishes {
    private final MqttVersion version;
    private final MqttSettings settings;
    private final SessionHandle session;
    private final InstantSource clock;
    private final Traffic traffic;
    private final Effects effects;
    private final InboundTopicAliases aliases;
    private final String clientId;
    /** QoS 1 messages handed to the session whose PUBACK has not gone out yet. */
    private int unacknowledgedAtLeastOnce;

    private boolean closed;

    InboundPublishes(
            ConnectTerms terms,
            MqttSettings settings,
            SessionHandle session,
            InstantSource clock,
            Traffic traffic,
            Effects effects) {
        this.version = terms.version();
        this.clientId = terms.clientId();
        this.settings = settings;
        this.session = session;
        this.clock = clock;
        this.traffic = traffic;
        this.effects = effects;
        this.aliases = new InboundTopicAliases(settings.topicAliasMaximum(), traffic);
    }

    /** Handles a PUBLISH and releases it; a violation ends the connection. */
    Optional<Violation> onPublish(PublishPacket publish) {
        try {
            return accept(publish);
        } finally {
            publish.release();
        }
    }

    /** PUBREL: the end of an inbound QoS 2 flow, answered with PUBCOMP (0x92 when the identifier is not held). */
    void onPubRel(PubRelPacket release) {
        int packetId = release.packetId();
        // PUBCOMP once the release is stored, so the identifier's next message is never taken for a resend.
        session.releaseExactlyOnce(
                packetId,
                held -> effects.later(() -> {
                    if (closed) {
                        return;
                    }
                    ReasonCode code =
                            held || !version.isV5() ? ReasonCode.SUCCESS : ReasonCode.PACKET_IDENTIFIER_NOT_FOUND;
                    effects.send(new PubCompPacket(packetId, code, MqttProperties.EMPTY), version);
                }));
    }

    /** The connection is gone: outcomes that still arrive send nothing. */
    void close() {
        closed = true;
    }

    private Optional<Violation> accept(PublishPacket publish) {
        Qos qos = Qos.ofLevel(publish.qos().value());
        if (qos.compareTo(settings.maximumQos()) > 0) {
            // 3.2.2.3.4: a PUBLISH above the Maximum QoS we advertised [MQTT-3.2.2-9] is answered with 0x9B.
            traffic.limitExceeded(Traffic.Limit.MAXIMUM_QOS);
            return violation(ReasonCode.QOS_NOT_SUPPORTED, "3.2.2.3.4", "QoS " + qos.level() + " is not supported");
        }
        if (publish.retainFlag() && !settings.retainAvailable()) {
            // [MQTT-3.2.2-14] RETAIN 1 while Retain Available is 0: 0x9A.
            return violation(ReasonCode.RETAIN_NOT_SUPPORTED, "MQTT-3.2.2-14", "retained messages are not supported");
        }
        MqttProperties properties = publish.properties();
        String topic;
        switch (aliases.resolve(publish.topic(), properties.topicAlias())) {
            case InboundTopicAliases.Resolved resolved -> topic = resolved.topic();
            case InboundTopicAliases.Rejected rejected -> {
                return Optional.of(rejected.violation());
            }
        }
        if (!MessageMapping.hasValidResponseTopic(properties)) {
            return violation(ReasonCode.PROTOCOL_ERROR, "MQTT-3.3.2-14", "Response Topic is not a valid topic name");
        }
        int packetId = publish.packetId();
        ByteBuf payload = publish.payload();
        if (properties.payloadFormatIndicator().orElse(0) == MessageMapping.UTF8_PAYLOAD
                && !MqttStrings.isWellFormedUtf8(payload, payload.readerIndex(), payload.readableBytes())) {
            // 3.3.2.3.2: a payload marked UTF-8 that is not is answered with 0x99; QoS 0 has no answer and is dropped.
            acknowledge(qos, packetId, ReasonCode.PAYLOAD_FORMAT_INVALID);
            return Optional.empty();
        }
        if (qos == Qos.AT_LEAST_ONCE && version.isV5() && unacknowledged() >= settings.receiveMaximum()) {
            return receiveMaximumExceeded();
        }
        if (qos == Qos.EXACTLY_ONCE) {
            // [MQTT-4.3.3-10] a QoS 2 message is published once: a resend of an identifier still held is only
            // acknowledged again.
            if (!session.beginExactlyOnce(packetId)) {
                acknowledge(qos, packetId, ReasonCode.SUCCESS);
                return Optional.empty();
            }
            if (version.isV5() && unacknowledged() > settings.receiveMaximum()) {
                session.abandonExactlyOnce(packetId);
                return receiveMaximumExceeded();
            }
        }
        Message message = toMessage(publish, topic, qos);
        switch (qos) {
            case AT_MOST_ONCE -> session.publish(message, outcome -> {});
            case AT_LEAST_ONCE -> {
                unacknowledgedAtLeastOnce++;
                session.publish(
                        message,
                        outcome -> effects.later(() -> {
                            unacknowledgedAtLeastOnce--;
                            acknowledge(qos, packetId, outcome);
                        }));
            }
            case EXACTLY_ONCE ->
                session.publishExactlyOnce(
                        packetId, message, outcome -> effects.later(() -> exactlyOnceOutcome(packetId, outcome)));
        }
        return Optional.empty();
    }

    private void exactlyOnceOutcome(int packetId, PublishOutcome outcome) {
        ReasonCode code = ReasonMapping.of(outcome);
        if ((version.isV5() && code.isError()) || notStored(outcome)) {
            // 4.3.3: a PUBREC with a reason code of 0x80 or more ends the flow; the identifier is free again. 3.x has
            // no such PUBREC: the client sends PUBREL, which releases it; except when the store is full: then the
            // connection closes unacknowledged and the resend after reconnecting must be published, not taken for a
            // duplicate.
            session.abandonExactlyOnce(packetId);
        }
        acknowledge(Qos.EXACTLY_ONCE, packetId, outcome);
    }

    /**
     * PUBACK or PUBREC for {@code outcome}. 3.x acknowledgements carry no code: a refused 3.x publication is
     * acknowledged all the same, as Mosquitto does, because 3.1.1 has no way to refuse one; except when the store
     * cannot keep it (disk full): acknowledging it would promise what the broker cannot keep, so the connection closes
     * unacknowledged and the client sends it again when it reconnects.
     */
    private void acknowledge(Qos qos, int packetId, PublishOutcome outcome) {
        if (!version.isV5() && notStored(outcome)) {
            if (!closed) {
                effects.close("the broker's store is full: QoS " + qos.level() + " message not acknowledged");
            }
            return;
        }
        acknowledge(qos, packetId, ReasonMapping.of(outcome));
    }

    /** The store could not keep the message (its disk is full): it must not be acknowledged as kept. */
    private static boolean notStored(PublishOutcome outcome) {
        return outcome instanceof PublishOutcome.Refused refused && refused.reason() == Refusal.QUOTA_EXCEEDED;
    }

    /** PUBACK or PUBREC with {@code code}. */
    private void acknowledge(Qos qos, int packetId, ReasonCode code) {
        if (closed) {
            return;
        }
        switch (qos) {
            case AT_MOST_ONCE -> {}
            case AT_LEAST_ONCE -> effects.send(new PubAckPacket(packetId, code, MqttProperties.EMPTY), version);
            case EXACTLY_ONCE -> effects.send(new PubRecPacket(packetId, code, MqttProperties.EMPTY), version);
        }
    }

    /** QoS 1 and 2 PUBLISHes the client has sent and we have not finished acknowledging (PUBACK, PUBCOMP). */
    private int unacknowledged() {
        return unacknowledgedAtLeastOnce + session.pendingExactlyOnce();
    }

    /**
     * Only for MQTT 5 clients, which CONNACK told our Receive Maximum. MQTT 3.x has no such limit: a 3.x client never
     * heard of one and breaks no rule by having many QoS 2 PUBLISHes awaiting PUBREL (Mosquitto accepts them all since
     * 2.0.13). What a 3.x client can hold is still bounded, by its 65535 packet identifiers.
     */
    private Optional<Violation> receiveMaximumExceeded() {
        // 3.3.4: more unacknowledged QoS 1/2 PUBLISHes than our Receive Maximum is answered with DISCONNECT 0x93.
        traffic.limitExceeded(Traffic.Limit.RECEIVE_MAXIMUM);
        return violation(
                ReasonCode.RECEIVE_MAXIMUM_EXCEEDED,
                "3.3.4",
                "more than " + settings.receiveMaximum() + " unacknowledged QoS 1/2 PUBLISHes");
    }

    private Message toMessage(PublishPacket publish, String topic, Qos qos) {
        long now = clock.millis();
        // The one copy of the payload on its way in: from the receive buffer into a byte[] the core keeps.
        byte[] bytes = ByteBufUtil.getBytes(publish.payload());
        return new Message(
                new TopicName(topic),
                Payload.wrapOwned(bytes),
                qos,
                publish.retainFlag(),
                MessageMapping.toMessageProperties(publish.properties()),
                clientId,
                now,
                MessageMapping.expiresAt(publish.properties(), now));
    }

    private static Optional<Violation> violation(ReasonCode code, String rule, String detail) {
        return Optional.of(new Violation(code, rule, detail));
    }
}
