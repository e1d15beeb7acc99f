package dev.tern.mqtt;

import dev.tern.api.security.AccessControl;
import dev.tern.api.security.AuthenticationResult;
import dev.tern.api.security.Credentials;
import dev.tern.api.security.EnhancedAuthentication;
import dev.tern.mqtt.codec.AuthPacket;
import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.ReasonCode;
import java.util.Objects;
import java.util.Optional;

/**
 * Authentication of one connection: plain credentials at CONNECT, or an MQTT 5 enhanced authentication exchange
 * (section 4.12) at CONNECT and again on re-authentication, driven through {@link AccessControl}.
 */
final class Authentication {
    private static final byte[] NO_DATA = new byte[0];

    private final AccessControl accessControl;
    private final Credentials credentials;
    private final Optional<String> method;
    private EnhancedAuthentication exchange;

    Authentication(AccessControl accessControl, Credentials credentials, Optional<String> method) {
        this.accessControl = accessControl;
        this.credentials = credentials;
        this.method = method;
    }

    /** What comes of a step of authentication. */
    sealed interface Step {}

    /** Send AUTH with Continue authentication and {@code serverData}, and wait for the client's answer. */
    record Challenge(byte[] serverData) implements Step {
        Challenge {
            Objects.requireNonNull(serverData, "serverData");
        }
    }

    /** Authenticated as {@code username}; {@code serverData} (enhanced authentication) goes with the success. */
    record Authenticated(Optional<String> username, Optional<byte[]> serverData) implements Step {
        Authenticated {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(serverData, "serverData");
        }
    }

    /** Kept out with {@code code}: CONNACK before the connection is accepted, DISCONNECT after. */
    record Refused(ReasonCode code, String rule, String detail) implements Step {
        Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Authenticates the CONNECT: by its credentials, or by the first step of its Authentication Method. */
    Step atConnect(Optional<BinaryData> authenticationData) {
        if (method.isEmpty()) {
            return switch (accessControl.authenticate(credentials)) {
                case AuthenticationResult.Accepted accepted -> new Authenticated(accepted.username(), Optional.empty());
                case AuthenticationResult.Rejected rejected ->
                    new Refused(ReasonMapping.of(rejected.reason()), "3.1.4", rejected.detail());
            };
        }
        return begin(authenticationData);
    }

    /** An AUTH from the client: the next step of the exchange at CONNECT, or a re-authentication once connected. */
    Step onAuth(AuthPacket auth, boolean connected) {
        if (method.isEmpty()) {
            // [MQTT-4.12.0-7] without an Authentication Method in CONNECT the client must not send AUTH.
            return protocolError("MQTT-4.12.0-7", "AUTH without an Authentication Method in CONNECT");
        }
        if (!auth.properties().authenticationMethod().equals(method)) {
            // [MQTT-4.12.0-5] every AUTH carries the Authentication Method of the CONNECT.
            return protocolError("MQTT-4.12.0-5", "AUTH with another Authentication Method than CONNECT's");
        }
        Optional<BinaryData> data = auth.properties().authenticationData();
        return switch (auth.reasonCode()) {
            // [MQTT-4.12.0-3] the client answers a challenge with Continue authentication.
            case CONTINUE_AUTHENTICATION ->
                exchange == null
                        ? protocolError("MQTT-4.12.0-3", "AUTH 0x18 with no exchange in progress")
                        : step(data);
            case RE_AUTHENTICATE -> {
                // [MQTT-4.12.1-1] re-authentication starts after CONNACK, one exchange at a time.
                if (!connected || exchange != null) {
                    yield protocolError("MQTT-4.12.1-1", "AUTH 0x19 before CONNACK or during an exchange");
                }
                yield begin(data);
            }
            default -> protocolError("3.15.2.1", "a client does not send AUTH " + auth.reasonCode());
        };
    }

    /** The Authentication Method of the CONNECT, if any. */
    Optional<String> method() {
        return method;
    }

    /** AUTH carrying {@code code}, the method and {@code serverData} [MQTT-4.12.0-5]. */
    AuthPacket authPacket(ReasonCode code, byte[] serverData) {
        return new AuthPacket(code, methodAndData(Optional.of(serverData)));
    }

    /** The Authentication Method and, when there is any, the Authentication Data, for AUTH and CONNACK. */
    MqttProperties methodAndData(Optional<byte[]> serverData) {
        MqttProperties.Builder builder = MqttProperties.builder();
        method.ifPresent(m -> builder.put(PropertyId.AUTHENTICATION_METHOD, m));
        serverData
                .filter(data -> data.length > 0)
                .ifPresent(data -> builder.put(PropertyId.AUTHENTICATION_DATA, new BinaryData(data)));
        return builder.build();
    }

    private Step begin(Optional<BinaryData> data) {
        Optional<EnhancedAuthentication> started = accessControl.enhancedAuthentication(method.get(), credentials);
        if (started.isEmpty()) {
            // [MQTT-4.12.0-1] an unsupported method is refused (0x8C Bad authentication method).
            return new Refused(
                    ReasonCode.BAD_AUTHENTICATION_METHOD,
                    "MQTT-4.12.0-1",
                    "authentication method '" + method.get() + "' is not supported");
        }
        exchange = started.get();
        return step(data);
    }

    private Step step(Optional<BinaryData> data) {
        EnhancedAuthentication.Step step =
                exchange.step(data.map(BinaryData::bytes).orElse(NO_DATA));
        return switch (step) {
            // [MQTT-4.12.0-2] the server asks for more with AUTH 0x18.
            case EnhancedAuthentication.Step.Continue next -> new Challenge(next.serverData());
            case EnhancedAuthentication.Step.Success success -> {
                exchange = null;
                yield new Authenticated(Optional.of(success.username()), Optional.of(success.serverData()));
            }
            case EnhancedAuthentication.Step.Failure failure -> {
                exchange = null;
                // [MQTT-4.12.0-4] the server may reject at any point, with a reason code of 0x80 or above.
                yield new Refused(ReasonCode.NOT_AUTHORIZED, "MQTT-4.12.0-4", failure.detail());
            }
        };
    }

    private static Refused protocolError(String rule, String detail) {
        return new Refused(ReasonCode.PROTOCOL_ERROR, rule, detail);
    }
}
