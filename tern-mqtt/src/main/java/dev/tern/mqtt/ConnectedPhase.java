package dev.tern.mqtt;

import dev.tern.api.broker.Traffic;
import dev.tern.api.session.CloseReason;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DeliveryOutcome;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.SessionHandle;
import dev.tern.mqtt.codec.AuthPacket;
import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MalformedPacketException;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PingReqPacket;
import dev.tern.mqtt.codec.PingRespPacket;
import dev.tern.mqtt.codec.PubAckPacket;
import dev.tern.mqtt.codec.PubCompPacket;
import dev.tern.mqtt.codec.PubRecPacket;
import dev.tern.mqtt.codec.PubRelPacket;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.mqtt.codec.SubscribePacket;
import dev.tern.mqtt.codec.UnsubAckPacket;
import dev.tern.mqtt.codec.UnsubscribePacket;
import java.util.OptionalLong;

/**
 * A connected client, from CONNACK to the close: dispatches each packet to its flow, keeps the keep-alive deadline,
 * and ends the connection from our side (DISCONNECT for 5.0) when the client breaks a rule.
 */
final class ConnectedPhase {
    private static final byte[] NO_DATA = new byte[0];

    private final ChannelEnvironment env;
    private final ConnectTerms terms;
    private final MqttVersion version;
    private final SessionHandle session;
    private final Authentication authentication;
    private final Effects effects;
    private final KeepAlive keepAlive;
    private final InboundPublishes inbound;
    private final OutboundPublishes outbound;
    private final Subscriptions subscriptions;
    private boolean closed;

    ConnectedPhase(
            ChannelEnvironment env,
            ConnectTerms terms,
            SessionHandle session,
            Authentication authentication,
            Effects effects) {
        this.env = env;
        this.terms = terms;
        this.version = terms.version();
        this.session = session;
        this.authentication = authentication;
        this.effects = effects;
        this.keepAlive = new KeepAlive(terms.keepAliveSeconds(), env.clock().millis());
        this.inbound = new InboundPublishes(terms, env.settings(), session, env.clock(), env.traffic(), effects);
        this.outbound = new OutboundPublishes(terms, env.settings(), env.clock(), env.traffic(), effects);
        this.subscriptions = new Subscriptions(version, env.settings(), session, effects);
        effects.add(new Action.SetTimer(Timer.KEEP_ALIVE, keepAlive.limitMillis()));
    }

    void handleIn(MqttPacket packet) {
        if (closed) {
            MqttChannel.release(packet);
            return;
        }
        keepAlive.packetReceived(env.clock().millis());
        switch (packet) {
            case PublishPacket p -> inbound.onPublish(p).ifPresent(this::violated);
            case PubAckPacket p -> session.acknowledged(p.packetId());
            case PubRecPacket p -> onPubRec(p);
            case PubRelPacket p -> inbound.onPubRel(p);
            case PubCompPacket p -> session.completed(p.packetId());
            case SubscribePacket p -> subscriptions.onSubscribe(p).ifPresent(this::violated);
            case UnsubscribePacket p -> subscriptions.onUnsubscribe(p);
            case PingReqPacket p -> effects.send(PingRespPacket.INSTANCE, version);
            case DisconnectPacket p -> onDisconnect(p);
            case AuthPacket p -> onReauthentication(p);
            // The decoder lets none of these through; a CONNECT would be the second [MQTT-3.1.0-2].
            case ConnectPacket p ->
                violated(new Violation(ReasonCode.PROTOCOL_ERROR, "MQTT-3.1.0-2", "a second CONNECT"));
            case ConnAckPacket p -> serverOnly(p);
            case SubAckPacket p -> serverOnly(p);
            case UnsubAckPacket p -> serverOnly(p);
            case PingRespPacket p -> serverOnly(p);
        }
    }

    /** After CONNACK a decode failure is answered with DISCONNECT and its reason code (5.0), or a close (3.x). */
    void decodeFailure(MalformedPacketException failure, String reason) {
        if (!closed) {
            disconnect(failure.reasonCode(), failure.getMessage(), reason);
        }
    }

    void keepAliveCheck() {
        if (closed) {
            return;
        }
        long remaining = keepAlive.remainingMillis(env.clock().millis());
        if (remaining > 0) {
            effects.add(new Action.SetTimer(Timer.KEEP_ALIVE, remaining));
            return;
        }
        // [MQTT-3.1.2-22] (5.0; 3.1.1 [MQTT-3.1.2-24]) close as if the network had failed: the will is published.
        env.traffic().limitExceeded(Traffic.Limit.KEEP_ALIVE_TIMEOUT);
        disconnect(
                ReasonCode.KEEP_ALIVE_TIMEOUT,
                "",
                "keep alive timeout: no packet within " + keepAlive.limitMillis() + " ms");
    }

    void closed() {
        endSession(DisconnectKind.ABNORMAL, OptionalLong.empty());
        closed = true;
    }

    void writable() {
        if (!closed) {
            session.resume();
        }
    }

    DeliveryOutcome deliver(Delivery delivery) {
        // A closed connection takes nothing; the session, told of the close, keeps what it had not delivered.
        return closed ? DeliveryOutcome.SENT : outbound.deliver(delivery);
    }

    void resendRelease(int packetId) {
        if (!closed) {
            effects.send(PubRelPacket.of(packetId), version);
        }
    }

    void closedByBroker(CloseReason reason) {
        if (!closed) {
            ReasonCode code = ReasonMapping.of(reason);
            disconnect(code, "", "closed by the broker: " + code);
        }
    }

    private void serverOnly(MqttPacket packet) {
        violated(new Violation(ReasonCode.PROTOCOL_ERROR, "2.1.2", packet.type() + " is sent by servers only"));
    }

    /** PUBREC for a QoS 2 delivery: PUBREL follows, unless the client refused the message (code 0x80 or more). */
    private void onPubRec(PubRecPacket received) {
        int packetId = received.packetId();
        if (received.reasonCode().isError()) {
            // 4.3.3: a PUBREC with a reason code of 0x80 or more ends the flow like a PUBACK; no PUBREL.
            session.acknowledged(packetId);
            return;
        }
        // PUBREL once the release is stored: after a restart only PUBREL is resent, never the message itself.
        session.received(
                packetId,
                known -> effects.later(() -> {
                    if (closed) {
                        return;
                    }
                    ReasonCode code =
                            known || !version.isV5() ? ReasonCode.SUCCESS : ReasonCode.PACKET_IDENTIFIER_NOT_FOUND;
                    effects.send(new PubRelPacket(packetId, code, MqttProperties.EMPTY), version);
                }));
    }

    private void onDisconnect(DisconnectPacket disconnect) {
        if (!version.isV5()) {
            // [MQTT-3.14.4-3] (3.1.1) DISCONNECT discards the will.
            endSession(DisconnectKind.NORMAL, OptionalLong.empty());
            close("client disconnected");
            return;
        }
        OptionalLong expiry = disconnect.properties().sessionExpiryInterval();
        if (expiry.isPresent() && expiry.getAsLong() != 0 && terms.sessionExpirySeconds() == 0) {
            // 3.14.2.2.2: a non-zero Session Expiry Interval after CONNECT said 0 is a Protocol Error; the DISCONNECT
            // is not valid, so the will is published.
            violated(new Violation(
                    ReasonCode.PROTOCOL_ERROR,
                    "3.14.2.2.2",
                    "DISCONNECT sets a Session Expiry Interval after CONNECT set 0"));
            return;
        }
        ReasonCode code = disconnect.reasonCode();
        // [MQTT-3.14.4-3] 0x00 discards the will; 0x04 asks for it; an error code is an abnormal end, will included.
        DisconnectKind kind = code == ReasonCode.DISCONNECT_WITH_WILL_MESSAGE
                ? DisconnectKind.NORMAL_WITH_WILL
                : code.isError() ? DisconnectKind.ABNORMAL : DisconnectKind.NORMAL;
        endSession(kind, expiry);
        close("client disconnected: " + code);
    }

    /** AUTH after CONNACK: re-authentication (section 4.12.1); failure ends the connection [MQTT-4.12.1-2]. */
    private void onReauthentication(AuthPacket auth) {
        switch (authentication.onAuth(auth, true)) {
            case Authentication.Challenge challenge ->
                effects.send(
                        authentication.authPacket(ReasonCode.CONTINUE_AUTHENTICATION, challenge.serverData()), version);
            case Authentication.Authenticated done ->
                effects.send(
                        authentication.authPacket(
                                ReasonCode.SUCCESS, done.serverData().orElse(NO_DATA)),
                        version);
            case Authentication.Refused refused ->
                // The detail of a failed authentication goes to the log, never to the client.
                disconnect(
                        refused.code(),
                        refused.code() == ReasonCode.PROTOCOL_ERROR ? refused.detail() : "",
                        "re-authentication failed " + refused.code() + " [" + refused.rule() + "]: "
                                + refused.detail());
        }
    }

    private void violated(Violation violation) {
        disconnect(violation.code(), violation.detail(), violation.describe());
    }

    /**
     * Ends the connection from our side: 5.0 gets DISCONNECT with {@code code} and {@code reasonString} where it fits
     * [MQTT-3.14.2-3]; the session ends abnormally (the will is published) [MQTT-3.1.2-8].
     */
    private void disconnect(ReasonCode code, String reasonString, String logReason) {
        if (version.isV5()) {
            effects.send(Disconnects.of(code, reasonString, terms.maximumPacketSize()), version);
        }
        endSession(DisconnectKind.ABNORMAL, OptionalLong.empty());
        close(logReason);
    }

    private void close(String reason) {
        closed = true;
        effects.close(reason);
    }

    /** Tells the session, once, how the connection ended. */
    private void endSession(DisconnectKind kind, OptionalLong sessionExpiry) {
        if (!closed) {
            closed = true;
            inbound.close();
            session.disconnected(kind, sessionExpiry);
        }
    }
}
