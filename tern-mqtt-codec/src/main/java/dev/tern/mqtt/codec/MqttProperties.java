package dev.tern.mqtt.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An immutable MQTT 5 property block. Single-valued properties are held by identifier; User Properties keep their
 * order and may repeat; Subscription Identifiers may repeat only in PUBLISH (the decoder enforces where).
 *
 * <p>A class rather than a record: it is a value (content equality) but holds an array indexed by identifier so that a
 * block costs one small allocation, and {@link #EMPTY} is shared by every packet without properties (the common case on
 * the publish path).
 */
public final class MqttProperties {
    public static final MqttProperties EMPTY =
            new MqttProperties(new Object[PropertyId.MAX_ID + 1], List.of(), List.of());

    private final Object[] values;
    private final List<UserProperty> userProperties;
    private final List<Integer> subscriptionIdentifiers;

    private MqttProperties(Object[] values, List<UserProperty> userProperties, List<Integer> subscriptionIdentifiers) {
        this.values = values;
        this.userProperties = userProperties;
        this.subscriptionIdentifiers = subscriptionIdentifiers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this block's content. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        System.arraycopy(values, 0, builder.values, 0, values.length);
        builder.userProperties.addAll(userProperties);
        builder.subscriptionIdentifiers.addAll(subscriptionIdentifiers);
        return builder;
    }

    public boolean isEmpty() {
        return this == EMPTY
                || (userProperties.isEmpty()
                        && subscriptionIdentifiers.isEmpty()
                        && Arrays.stream(values).allMatch(Objects::isNull));
    }

    /** Whether a single-valued property is present (User Property and Subscription Identifier have list accessors). */
    public boolean contains(PropertyId id) {
        return values[id.id()] != null;
    }

    /** The raw value of a single-valued property: a {@code Long}, {@code String} or {@link BinaryData}. */
    public Optional<Object> get(PropertyId id) {
        return Optional.ofNullable(values[id.id()]);
    }

    public List<UserProperty> userProperties() {
        return userProperties;
    }

    public List<Integer> subscriptionIdentifiers() {
        return subscriptionIdentifiers;
    }

    public OptionalInt payloadFormatIndicator() {
        return integer(PropertyId.PAYLOAD_FORMAT_INDICATOR);
    }

    public OptionalLong messageExpiryInterval() {
        return longValue(PropertyId.MESSAGE_EXPIRY_INTERVAL);
    }

    public Optional<String> contentType() {
        return string(PropertyId.CONTENT_TYPE);
    }

    public Optional<String> responseTopic() {
        return string(PropertyId.RESPONSE_TOPIC);
    }

    public Optional<BinaryData> correlationData() {
        return binary(PropertyId.CORRELATION_DATA);
    }

    public OptionalLong sessionExpiryInterval() {
        return longValue(PropertyId.SESSION_EXPIRY_INTERVAL);
    }

    public Optional<String> assignedClientIdentifier() {
        return string(PropertyId.ASSIGNED_CLIENT_IDENTIFIER);
    }

    public OptionalInt serverKeepAlive() {
        return integer(PropertyId.SERVER_KEEP_ALIVE);
    }

    public Optional<String> authenticationMethod() {
        return string(PropertyId.AUTHENTICATION_METHOD);
    }

    public Optional<BinaryData> authenticationData() {
        return binary(PropertyId.AUTHENTICATION_DATA);
    }

    public OptionalInt requestProblemInformation() {
        return integer(PropertyId.REQUEST_PROBLEM_INFORMATION);
    }

    public OptionalLong willDelayInterval() {
        return longValue(PropertyId.WILL_DELAY_INTERVAL);
    }

    public OptionalInt requestResponseInformation() {
        return integer(PropertyId.REQUEST_RESPONSE_INFORMATION);
    }

    public Optional<String> responseInformation() {
        return string(PropertyId.RESPONSE_INFORMATION);
    }

    public Optional<String> serverReference() {
        return string(PropertyId.SERVER_REFERENCE);
    }

    public Optional<String> reasonString() {
        return string(PropertyId.REASON_STRING);
    }

    public OptionalInt receiveMaximum() {
        return integer(PropertyId.RECEIVE_MAXIMUM);
    }

    public OptionalInt topicAliasMaximum() {
        return integer(PropertyId.TOPIC_ALIAS_MAXIMUM);
    }

    public OptionalInt topicAlias() {
        return integer(PropertyId.TOPIC_ALIAS);
    }

    public OptionalInt maximumQos() {
        return integer(PropertyId.MAXIMUM_QOS);
    }

    public OptionalInt retainAvailable() {
        return integer(PropertyId.RETAIN_AVAILABLE);
    }

    public OptionalLong maximumPacketSize() {
        return longValue(PropertyId.MAXIMUM_PACKET_SIZE);
    }

    public OptionalInt wildcardSubscriptionAvailable() {
        return integer(PropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE);
    }

    public OptionalInt subscriptionIdentifierAvailable() {
        return integer(PropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE);
    }

    public OptionalInt sharedSubscriptionAvailable() {
        return integer(PropertyId.SHARED_SUBSCRIPTION_AVAILABLE);
    }

    Object rawValue(int id) {
        return values[id];
    }

    private OptionalInt integer(PropertyId id) {
        Object value = values[id.id()];
        return value == null ? OptionalInt.empty() : OptionalInt.of(((Long) value).intValue());
    }

    private OptionalLong longValue(PropertyId id) {
        Object value = values[id.id()];
        return value == null ? OptionalLong.empty() : OptionalLong.of((Long) value);
    }

    private Optional<String> string(PropertyId id) {
        return Optional.ofNullable((String) values[id.id()]);
    }

    private Optional<BinaryData> binary(PropertyId id) {
        return Optional.ofNullable((BinaryData) values[id.id()]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MqttProperties that
                && Arrays.equals(values, that.values)
                && userProperties.equals(that.userProperties)
                && subscriptionIdentifiers.equals(that.subscriptionIdentifiers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), userProperties, subscriptionIdentifiers);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("MqttProperties{");
        String separator = "";
        for (PropertyId id : PropertyId.values()) {
            Object value = values[id.id()];
            if (value != null) {
                out.append(separator).append(id).append('=').append(value);
                separator = ", ";
            }
        }
        if (!subscriptionIdentifiers.isEmpty()) {
            out.append(separator).append("SUBSCRIPTION_IDENTIFIER=").append(subscriptionIdentifiers);
            separator = ", ";
        }
        if (!userProperties.isEmpty()) {
            out.append(separator).append("USER_PROPERTY=").append(userProperties);
        }
        return out.append('}').toString();
    }

    /** Builds a block; checks each value against its property's wire type, not against packet rules. */
    public static final class Builder {
        private final Object[] values = new Object[PropertyId.MAX_ID + 1];
        private final List<UserProperty> userProperties = new ArrayList<>(0);
        private final List<Integer> subscriptionIdentifiers = new ArrayList<>(0);

        private Builder() {}

        /** Sets an integer-valued property (byte, two-byte, four-byte); Subscription Identifier has its own adder. */
        public Builder put(PropertyId id, long value) {
            long max = switch (id.type()) {
                case BYTE -> 0xFFL;
                case TWO_BYTE_INTEGER -> 0xFFFFL;
                case FOUR_BYTE_INTEGER -> 0xFFFF_FFFFL;
                case VARIABLE_BYTE_INTEGER, UTF8_STRING, BINARY_DATA, UTF8_STRING_PAIR ->
                    throw new IllegalArgumentException(id + " is not a fixed-size integer property");
            };
            if (value < 0 || value > max) {
                throw new IllegalArgumentException(id + " must be within 0.." + max + ", was " + value);
            }
            values[id.id()] = value;
            return this;
        }

        public Builder put(PropertyId id, String value) {
            if (id.type() != PropertyId.Type.UTF8_STRING) {
                throw new IllegalArgumentException(id + " is not a UTF-8 string property");
            }
            values[id.id()] = Objects.requireNonNull(value);
            return this;
        }

        public Builder put(PropertyId id, BinaryData value) {
            if (id.type() != PropertyId.Type.BINARY_DATA) {
                throw new IllegalArgumentException(id + " is not a binary property");
            }
            values[id.id()] = Objects.requireNonNull(value);
            return this;
        }

        public Builder addUserProperty(String name, String value) {
            userProperties.add(new UserProperty(name, value));
            return this;
        }

        public Builder addUserProperty(UserProperty property) {
            userProperties.add(Objects.requireNonNull(property));
            return this;
        }

        /** Adds a Subscription Identifier, 1..268,435,455 (section 3.8.2.1.2). */
        public Builder addSubscriptionIdentifier(int identifier) {
            if (identifier < 1 || identifier > VariableByteInteger.MAX_VALUE) {
                throw new IllegalArgumentException("Subscription Identifier must be 1..268435455, was " + identifier);
            }
            subscriptionIdentifiers.add(identifier);
            return this;
        }

        public Builder remove(PropertyId id) {
            switch (id) {
                case USER_PROPERTY -> userProperties.clear();
                case SUBSCRIPTION_IDENTIFIER -> subscriptionIdentifiers.clear();
                default -> values[id.id()] = null;
            }
            return this;
        }

        public MqttProperties build() {
            if (userProperties.isEmpty()
                    && subscriptionIdentifiers.isEmpty()
                    && Arrays.stream(values).allMatch(Objects::isNull)) {
                return EMPTY;
            }
            return new MqttProperties(
                    values.clone(), List.copyOf(userProperties), List.copyOf(subscriptionIdentifiers));
        }
    }
}
