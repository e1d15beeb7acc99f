package dev.tern.mqtt;

import dev.tern.api.broker.Traffic;
import dev.tern.api.security.Credentials;
import dev.tern.api.session.CloseReason;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.Outlet;
import dev.tern.api.session.SessionHandle;
import dev.tern.api.session.SessionRequest;
import dev.tern.mqtt.codec.AuthPacket;
import dev.tern.mqtt.codec.ConnAckPacket;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MalformedPacketException;
import dev.tern.mqtt.codec.MqttPacket;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * From the first byte to CONNACK: CONNECT checks, authentication (with the 5.0 AUTH exchange), opening the session in
 * the core, and the refusals on the way. Packets a client sends before CONNACK wait here and are handed over with the
 * open session; reading is paused meanwhile, so they are at most one read's worth.
 */
final class ConnectPhase {
    private enum Phase {
        AWAITING_CONNECT,
        AUTHENTICATING,
        CONNECTING,
        OPEN,
        CLOSED
    }

    /** The session is open and CONNACK has gone out. */
    record SessionOpened(
            ConnectTerms terms, SessionHandle session, Authentication authentication, List<MqttPacket> waiting) {
        SessionOpened {
            Objects.requireNonNull(terms, "terms");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(authentication, "authentication");
            waiting = List.copyOf(waiting);
        }
    }

    private final ChannelEnvironment env;
    private final Supplier<Peer> peer;
    private final Outlet outlet;
    private final Effects effects;
    private final Consumer<SessionOpened> onOpened;
    private final List<MqttPacket> waiting = new ArrayList<>();
    private Phase phase = Phase.AWAITING_CONNECT;
    private ConnectPacket connect;
    private ConnectTerms terms;
    private Authentication authentication;
    private Optional<byte[]> serverAuthenticationData = Optional.empty();

    ConnectPhase(
            ChannelEnvironment env,
            Supplier<Peer> peer,
            Outlet outlet,
            Effects effects,
            Consumer<SessionOpened> onOpened) {
        this.env = env;
        this.peer = peer;
        this.outlet = outlet;
        this.effects = effects;
        this.onOpened = onOpened;
    }

    boolean isClosed() {
        return phase == Phase.CLOSED;
    }

    /** The client identifier and version, as far as known: for the logs. */
    Optional<String> clientId() {
        return terms != null
                ? Optional.of(terms.clientId())
                : Optional.ofNullable(connect).map(ConnectPacket::clientId);
    }

    Optional<MqttVersion> version() {
        return Optional.ofNullable(connect).map(ConnectPacket::version);
    }

    void handleIn(MqttPacket packet) {
        switch (phase) {
            case AWAITING_CONNECT -> {
                if (packet instanceof ConnectPacket first) {
                    onConnect(first);
                } else {
                    // [MQTT-3.1.0-1] the decoder lets nothing else come first; should it, the connection closes.
                    release(packet);
                    close("first packet was " + packet.type() + ", not CONNECT");
                }
            }
            case AUTHENTICATING -> whileAuthenticating(packet);
            case CONNECTING -> whileConnecting(packet);
            case OPEN, CLOSED -> release(packet);
        }
    }

    /** A decode failure before CONNACK: refuse with CONNACK where the version allows, and close. */
    void decodeFailure(MalformedPacketException failure, Optional<MqttVersion> decoderVersion, String reason) {
        switch (phase) {
            case AWAITING_CONNECT ->
                ConnAcks.forDecodeFailure(failure, decoderVersion).ifPresent(effects::add);
            case AUTHENTICATING, CONNECTING -> {
                if (connect.version().isV5()) {
                    effects.send(
                            ConnAcks.refused(
                                    failure.reasonCode(),
                                    MqttVersion.V5,
                                    failure.getMessage(),
                                    clientMaximumPacketSize()),
                            MqttVersion.V5);
                }
            }
            case OPEN, CLOSED -> {
                return;
            }
        }
        close(reason);
    }

    void timedOut() {
        if (phase != Phase.OPEN && phase != Phase.CLOSED) {
            env.traffic().limitExceeded(Traffic.Limit.CONNECT_TIMEOUT);
            close((phase == Phase.AWAITING_CONNECT ? "no CONNECT" : "connect not completed") + " within "
                    + env.settings().connectTimeoutSeconds() + " s");
        }
    }

    /** The socket closed before CONNACK; a session the core opens later is ended at once. */
    void closed() {
        if (phase != Phase.OPEN) {
            phase = Phase.CLOSED;
            releaseWaiting();
        }
    }

    void closedByBroker(CloseReason reason) {
        if (phase != Phase.OPEN && phase != Phase.CLOSED) {
            close("closed by the broker before CONNACK: " + reason);
        }
    }

    private void onConnect(ConnectPacket packet) {
        connect = packet;
        long now = env.clock().millis();
        switch (ConnectNegotiation.negotiate(
                packet,
                env.settings(),
                env.random(),
                env.traffic(),
                now,
                peer.get().certificate())) {
            case ConnectNegotiation.Refused refused ->
                refuse(
                        refused.code(),
                        refused.detail(),
                        refused.code() + " [" + refused.rule() + "]: " + refused.detail());
            case ConnectNegotiation.Agreed agreed -> {
                terms = agreed.terms();
                Credentials credentials = terms.credentials(packet.password(), peer.get(), env.listenerName());
                authentication = new Authentication(env.accessControl(), credentials, terms.authenticationMethod());
                afterAuthenticationStep(
                        authentication.atConnect(packet.properties().authenticationData()));
            }
        }
    }

    private void whileAuthenticating(MqttPacket packet) {
        if (packet instanceof AuthPacket auth) {
            afterAuthenticationStep(authentication.onAuth(auth, false));
        } else if (packet instanceof DisconnectPacket) {
            close("client disconnected during authentication");
        } else {
            release(packet);
            onlyAuthBeforeConnAck(packet);
        }
    }

    private void whileConnecting(MqttPacket packet) {
        if (terms.authenticationMethod().isPresent() && !(packet instanceof DisconnectPacket)) {
            release(packet);
            onlyAuthBeforeConnAck(packet);
        } else {
            // Clients need not wait for CONNACK (3.1.4); their packets wait for the session.
            waiting.add(packet);
        }
    }

    private void onlyAuthBeforeConnAck(MqttPacket packet) {
        // [MQTT-3.1.2-30] with an Authentication Method, only AUTH and DISCONNECT may come before CONNACK.
        String detail = packet.type() + " before CONNACK during enhanced authentication";
        refuse(ReasonCode.PROTOCOL_ERROR, detail, ReasonCode.PROTOCOL_ERROR + " [MQTT-3.1.2-30]: " + detail);
    }

    private void afterAuthenticationStep(Authentication.Step step) {
        switch (step) {
            case Authentication.Challenge challenge -> {
                phase = Phase.AUTHENTICATING;
                effects.send(
                        authentication.authPacket(ReasonCode.CONTINUE_AUTHENTICATION, challenge.serverData()),
                        terms.version());
            }
            case Authentication.Authenticated authenticated -> openSession(authenticated);
            case Authentication.Refused refused ->
                // The detail of a failed authentication goes to the log, never to the client.
                refuse(
                        refused.code(),
                        refused.code() == ReasonCode.PROTOCOL_ERROR ? refused.detail() : "",
                        "authentication failed " + refused.code() + " [" + refused.rule() + "]: " + refused.detail());
        }
    }

    private void openSession(Authentication.Authenticated authenticated) {
        phase = Phase.CONNECTING;
        serverAuthenticationData = authenticated.serverData();
        SessionRequest request = terms.sessionRequest(authenticated.username(), peer.get(), env.listenerName());
        effects.add(new Action.Reading(false));
        env.broker().connect(request, outlet, result -> effects.later(() -> onConnectResult(result)));
    }

    private void onConnectResult(ConnectResult result) {
        switch (result) {
            case ConnectResult.Connected opened -> {
                if (phase != Phase.CONNECTING) {
                    // The connection ended while the core was opening the session.
                    opened.session().disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty());
                    return;
                }
                phase = Phase.OPEN;
                ConnAckPacket connAck = ConnAcks.accepted(
                        terms,
                        env.settings(),
                        opened.sessionPresent(),
                        opened.sessionExpirySeconds(),
                        authentication.methodAndData(serverAuthenticationData));
                effects.send(connAck, terms.version());
                effects.add(new Action.CancelTimer(Timer.CONNECT_TIMEOUT));
                effects.add(new Action.Opened(
                        terms.clientId(), terms.version(), connAck.sessionPresent(), terms.keepAliveSeconds()));
                effects.add(new Action.Reading(true));
                List<MqttPacket> early = List.copyOf(waiting);
                waiting.clear();
                onOpened.accept(new SessionOpened(terms, opened.session(), authentication, early));
            }
            case ConnectResult.Refused refused -> {
                if (phase == Phase.CONNECTING) {
                    ReasonCode code = ReasonMapping.of(refused.reason());
                    refuse(code, "", code + ": refused by the broker (" + refused.reason() + ")");
                }
            }
        }
    }

    /** A refusing CONNACK [MQTT-3.2.2-6], then close [MQTT-3.2.2-7]. */
    private void refuse(ReasonCode code, String reasonString, String logReason) {
        effects.send(
                ConnAcks.refused(code, connect.version(), reasonString, clientMaximumPacketSize()), connect.version());
        close("connect refused: " + logReason);
    }

    private void close(String reason) {
        phase = Phase.CLOSED;
        releaseWaiting();
        effects.close(reason);
    }

    private long clientMaximumPacketSize() {
        return connect.properties().maximumPacketSize().orElse(Long.MAX_VALUE);
    }

    private void releaseWaiting() {
        waiting.forEach(ConnectPhase::release);
        waiting.clear();
    }

    private static void release(MqttPacket packet) {
        if (packet instanceof PublishPacket publish) {
            publish.release();
        }
    }
}
