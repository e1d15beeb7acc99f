package dev.tern.mqtt;

import dev.tern.api.broker.Traffic;
import dev.tern.api.message.Message;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DeliveryOutcome;
import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttQos;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.PublishPacket;
import io.netty.buffer.Unpooled;
import java.time.InstantSource;
import java.util.OptionalInt;

/**
 * Deliveries from the core to the client: the PUBLISH with its properties, topic alias and size check. The payload is
 * wrapped, never copied: every subscriber's PUBLISH shares the message's one byte array.
 */
final class OutboundPublishes {
    private final MqttVersion version;
    private final long maximumPacketSize;
    private final InstantSource clock;
    private final Traffic traffic;
    private final Effects effects;
    /** Present when the client accepts topic aliases and the server assigns them (mqtt.outbound_topic_aliases). */
    private final OutboundTopicAliases aliases;

    OutboundPublishes(
            ConnectTerms terms, MqttSettings settings, InstantSource clock, Traffic traffic, Effects effects) {
        this.version = terms.version();
        this.maximumPacketSize = terms.maximumPacketSize();
        this.clock = clock;
        this.traffic = traffic;
        this.effects = effects;
        this.aliases = terms.version().isV5() && terms.topicAliasMaximum() > 0 && settings.outboundTopicAliases()
                ? new OutboundTopicAliases(terms.topicAliasMaximum())
                : null;
    }

    DeliveryOutcome deliver(Delivery delivery) {
        Message message = delivery.message();
        long now = clock.millis();
        if (message.isExpiredAt(now)) {
            // [MQTT-3.3.2-5] an expired message is not sent on. The core checks first; this catches the instant
            // between, and the session frees the packet identifier.
            traffic.messageDropped(Traffic.DropReason.EXPIRED);
            return DeliveryOutcome.DROPPED_EXPIRED;
        }
        String topic = message.topic().value();
        OptionalInt existingAlias = aliases == null ? OptionalInt.empty() : aliases.existing(topic);
        OptionalInt newAlias = aliases == null || existingAlias.isPresent() ? OptionalInt.empty() : aliases.next();
        OptionalInt alias = existingAlias.isPresent() ? existingAlias : newAlias;
        MqttProperties properties =
                version.isV5() ? MessageMapping.publishProperties(delivery, now, alias) : MqttProperties.EMPTY;
        PublishPacket packet = new PublishPacket(
                delivery.duplicate(),
                MqttQos.of(delivery.qos().level()),
                delivery.retain(),
                // An alias the client already knows stands for the topic, which is then sent empty.
                existingAlias.isPresent() ? "" : topic,
                delivery.packetId(),
                properties,
                Unpooled.wrappedBuffer(message.payload().sharedArray()));
        if (MqttEncoder.encodedSize(packet, version) > maximumPacketSize) {
            // [MQTT-3.1.2-24] (5.0) nothing larger than the client's Maximum Packet Size is sent; [MQTT-3.1.2-25] it
            // is discarded as if it had been delivered.
            packet.release();
            traffic.messageDropped(Traffic.DropReason.TOO_LARGE_FOR_CLIENT);
            return DeliveryOutcome.DROPPED_TOO_LARGE;
        }
        if (newAlias.isPresent()) {
            aliases.assign(topic, newAlias.getAsInt());
        }
        effects.send(packet, version);
        return DeliveryOutcome.SENT;
    }
}
