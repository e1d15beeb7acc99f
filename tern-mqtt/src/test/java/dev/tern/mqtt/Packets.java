package dev.tern.mqtt;

import dev.tern.mqtt.codec.AuthPacket;
import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.ConnectPacket;
import dev.tern.mqtt.codec.DisconnectPacket;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.PublishPacket;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.SubscribePacket;
import dev.tern.mqtt.codec.Subscription;
import dev.tern.mqtt.codec.SubscriptionOptions;
import dev.tern.mqtt.codec.Will;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Packets as clients send them, for feeding to a channel. */
final class Packets {
    private Packets() {}

    static ConnectPacket connect(MqttVersion version, String clientId) {
        return connect(version, clientId, true, 60, MqttProperties.EMPTY);
    }

    static ConnectPacket connect(
            MqttVersion version, String clientId, boolean cleanStart, int keepAlive, MqttProperties properties) {
        return new ConnectPacket(
                version,
                clientId,
                cleanStart,
                keepAlive,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                properties);
    }

    static ConnectPacket withCredentials(ConnectPacket connect, String username, String password) {
        return new ConnectPacket(
                connect.version(),
                connect.clientId(),
                connect.cleanStart(),
                connect.keepAliveSeconds(),
                connect.will(),
                Optional.of(username),
                Optional.of(new BinaryData(password.getBytes(StandardCharsets.UTF_8))),
                connect.properties());
    }

    static ConnectPacket withWill(ConnectPacket connect, Will will) {
        return new ConnectPacket(
                connect.version(),
                connect.clientId(),
                connect.cleanStart(),
                connect.keepAliveSeconds(),
                Optional.of(will),
                connect.username(),
                connect.password(),
                connect.properties());
    }

    static MqttProperties.Builder properties() {
        return MqttProperties.builder();
    }

    /** A PUBLISH whose payload comes from the pooled allocator, so that the leak detector watches it. */
    static PublishPacket publish(MqttQos qos, String topic, int packetId, String payload, MqttProperties properties) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(bytes.length).writeBytes(bytes);
        return new PublishPacket(false, qos, false, topic, packetId, properties, buffer);
    }

    static PublishPacket publish(MqttQos qos, String topic, int packetId, String payload) {
        return publish(qos, topic, packetId, payload, MqttProperties.EMPTY);
    }

    static SubscribePacket subscribe(int packetId, String filter, MqttQos qos) {
        return new SubscribePacket(
                packetId, List.of(new Subscription(filter, SubscriptionOptions.of(qos))), MqttProperties.EMPTY);
    }

    static AuthPacket auth(ReasonCode code, String method, String data) {
        return new AuthPacket(
                code,
                MqttProperties.builder()
                        .put(PropertyId.AUTHENTICATION_METHOD, method)
                        .put(PropertyId.AUTHENTICATION_DATA, new BinaryData(data.getBytes(StandardCharsets.UTF_8)))
                        .build());
    }

    static DisconnectPacket disconnect(ReasonCode code) {
        return new DisconnectPacket(code, MqttProperties.EMPTY);
    }
}
