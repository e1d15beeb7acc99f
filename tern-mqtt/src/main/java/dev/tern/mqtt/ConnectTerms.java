package dev.tern.mqtt;

import dev.tern.api.security.Credentials;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.Will;
import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.transport.CertificateIdentity;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CONNECT settled for the life of the connection, after the server's limits were applied.
 *
 * @param clientId the identifier the session goes by: the client's, or the one assigned for an empty one
 * @param clientIdAssigned whether the server made {@code clientId} up (5.0 returns it in CONNACK)
 * @param sessionExpirySeconds 5.0's Session Expiry Interval; 3.x Clean Session 0 maps to never, 1 to 0
 * @param receiveMaximum how many QoS 1/2 deliveries the client takes unacknowledged (65535 when it did not say)
 * @param keepAliveSeconds the keep alive in force (never 0: a client asking for 0 gets the server's maximum)
 * @param keepAliveOverridden whether it differs from what the client asked (5.0 says so as Server Keep Alive)
 * @param maximumPacketSize the largest packet the client accepts; {@link Long#MAX_VALUE} when it set no limit
 * @param topicAliasMaximum how many topic aliases the client accepts from us (0: none)
 * @param authenticationMethod the enhanced authentication method of the CONNECT (5.0), if any
 */
record ConnectTerms(
        MqttVersion version,
        String clientId,
        boolean clientIdAssigned,
        boolean cleanStart,
        long sessionExpirySeconds,
        int receiveMaximum,
        int keepAliveSeconds,
        boolean keepAliveOverridden,
        long maximumPacketSize,
        int topicAliasMaximum,
        boolean requestResponseInformation,
        Optional<String> username,
        Optional<String> authenticationMethod,
        Optional<Will> will) {

    ConnectTerms {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(authenticationMethod, "authenticationMethod");
        Objects.requireNonNull(will, "will");
    }

    /** What access control checks: the CONNECT's credentials, from {@code peer} on {@code listener}. */
    Credentials credentials(Optional<BinaryData> password, Peer peer, String listener) {
        return new Credentials(
                clientId,
                username,
                password.map(BinaryData::bytes),
                peer.address(),
                peer.loopback(),
                listener,
                peer.certificate().map(CertificateIdentity::subject));
    }

    /** What the core is asked for, once {@code authenticatedUsername} is known. */
    SessionRequest sessionRequest(Optional<String> authenticatedUsername, Peer peer, String listener) {
        ClientInfo client = new ClientInfo(clientId, authenticatedUsername, peer.address(), protocol(), listener);
        return new SessionRequest(client, cleanStart, sessionExpirySeconds, receiveMaximum, will);
    }

    /** Protocol and version as {@code ClientInfo.protocol} names them. */
    String protocol() {
        return protocolOf(version);
    }

    static String protocolOf(MqttVersion version) {
        return switch (version) {
            case V3_1 -> "mqtt/3.1";
            case V3_1_1 -> "mqtt/3.1.1";
            case V5 -> "mqtt/5.0";
        };
    }
}
