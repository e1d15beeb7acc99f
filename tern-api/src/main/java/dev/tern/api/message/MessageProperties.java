package dev.tern.api.message;

import dev.tern.api.topic.TopicName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a publisher says about its payload, forwarded to subscribers as given: whether the payload is UTF-8 text, its
 * content type, where to send a response and with which correlation data, and free-form user properties. MQTT 5 maps
 * them one to one; CoAP maps Content-Format to {@code contentType}; HTTP maps headers.
 */
public record MessageProperties(
        boolean payloadIsUtf8,
        Optional<String> contentType,
        Optional<TopicName> responseTopic,
        Optional<Payload> correlationData,
        List<UserProperty> userProperties) {

    public static final MessageProperties NONE =
            new MessageProperties(false, Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public MessageProperties {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(responseTopic, "responseTopic");
        Objects.requireNonNull(correlationData, "correlationData");
        userProperties = List.copyOf(userProperties);
    }
}
