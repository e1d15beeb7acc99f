package dev.tern.mqtt;

import dev.tern.api.message.Message;
import dev.tern.api.message.MessageProperties;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.message.UserProperty;
import dev.tern.api.session.Delivery;
import dev.tern.api.topic.TopicName;
import dev.tern.mqtt.codec.BinaryData;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.PropertyId;
import dev.tern.mqtt.codec.Will;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** MQTT 5 message properties to and from the core's {@link MessageProperties}; MQTT 3.x messages have none. */
final class MessageMapping {
    /** Payload Format Indicator 1: the payload is UTF-8 text (section 3.3.2.3.2). */
    static final int UTF8_PAYLOAD = 1;

    private MessageMapping() {}

    /**
     * Whether a Response Topic, if present, is a valid Topic Name: "It is a Protocol Error to include wildcard
     * characters in the Response Topic" [MQTT-3.3.2-14] (section 3.3.2.3.5), and it is a topic, so not empty.
     */
    static boolean hasValidResponseTopic(MqttProperties properties) {
        return properties.responseTopic().map(TopicName::isValid).orElse(true);
    }

    /** The properties of a PUBLISH or a will, as the core keeps them; checked by {@link #hasValidResponseTopic}. */
    static MessageProperties toMessageProperties(MqttProperties properties) {
        if (properties.isEmpty()) {
            return MessageProperties.NONE;
        }
        List<UserProperty> userProperties =
                new ArrayList<>(properties.userProperties().size());
        for (dev.tern.mqtt.codec.UserProperty property : properties.userProperties()) {
            userProperties.add(new UserProperty(property.name(), property.value()));
        }
        return new MessageProperties(
                properties.payloadFormatIndicator().orElse(0) == UTF8_PAYLOAD,
                properties.contentType(),
                properties.responseTopic().map(TopicName::new),
                properties.correlationData().map(data -> Payload.wrapOwned(data.bytes())),
                userProperties);
    }

    /** When a message received at {@code nowMillis} expires, from its Message Expiry Interval (section 3.3.2.3.3). */
    static long expiresAt(MqttProperties properties, long nowMillis) {
        OptionalLong interval = properties.messageExpiryInterval();
        return interval.isPresent() ? nowMillis + interval.getAsLong() * 1000 : Message.NEVER_EXPIRES;
    }

    /**
     * A CONNECT's will as the core keeps it. Its expiry is relative: the Message Expiry Interval counts from when the
     * will is published (section 3.1.3.2.4), so the core re-bases {@code expiresAt - createdAt} on publication.
     */
    static dev.tern.api.session.Will will(Will will, String clientId, long nowMillis) {
        Message message = new Message(
                new TopicName(will.topic()),
                Payload.wrapOwned(will.payload().bytes()),
                Qos.ofLevel(will.qos().value()),
                will.retain(),
                toMessageProperties(will.properties()),
                clientId,
                nowMillis,
                expiresAt(will.properties(), nowMillis));
        return new dev.tern.api.session.Will(
                message, will.properties().willDelayInterval().orElse(0));
    }

    /**
     * The PUBLISH properties of a delivery to a 5.0 client: the publisher's properties unaltered [MQTT-3.3.2-4]
     * [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-20], user properties unaltered and in order [MQTT-3.3.2-17]
     * [MQTT-3.3.2-18], the expiry counted down [MQTT-3.3.2-6], the matching subscriptions' identifiers
     * [MQTT-3.3.4-3], and the topic alias, if any.
     */
    static MqttProperties publishProperties(Delivery delivery, long nowMillis, OptionalInt topicAlias) {
        Message message = delivery.message();
        MessageProperties properties = message.properties();
        if (properties == MessageProperties.NONE
                && !message.expires()
                && delivery.subscriptionIdentifiers().isEmpty()
                && topicAlias.isEmpty()) {
            return MqttProperties.EMPTY;
        }
        MqttProperties.Builder builder = MqttProperties.builder();
        if (properties.payloadIsUtf8()) {
            builder.put(PropertyId.PAYLOAD_FORMAT_INDICATOR, UTF8_PAYLOAD);
        }
        if (message.expires()) {
            builder.put(
                    PropertyId.MESSAGE_EXPIRY_INTERVAL,
                    Math.min(message.remainingExpirySeconds(nowMillis), 0xFFFF_FFFFL));
        }
        properties.contentType().ifPresent(type -> builder.put(PropertyId.CONTENT_TYPE, type));
        properties.responseTopic().ifPresent(topic -> builder.put(PropertyId.RESPONSE_TOPIC, topic.value()));
        properties
                .correlationData()
                .ifPresent(data -> builder.put(PropertyId.CORRELATION_DATA, new BinaryData(data.sharedArray())));
        for (UserProperty property : properties.userProperties()) {
            builder.addUserProperty(property.name(), property.value());
        }
        for (int identifier : delivery.subscriptionIdentifiers()) {
            builder.addSubscriptionIdentifier(identifier);
        }
        topicAlias.ifPresent(alias -> builder.put(PropertyId.TOPIC_ALIAS, alias));
        return builder.build();
    }
}
