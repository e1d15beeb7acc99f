package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;

/**
 * Reads and writes MQTT 5 property blocks (section 2.2.2) with the rules that apply to every packet: the identifier
 * must be one the packet may carry, single-valued properties must not repeat, and values must be in range.
 */
final class PropertiesCodec {
    /** {@code values()} copies the array on every call; on the encode path that showed as 128 B per packet. */
    private static final PropertyId[] PROPERTY_IDS = PropertyId.values();

    private PropertiesCodec() {}

    /** Reads the property length and the block it announces. */
    static MqttProperties read(ByteBuf in, PropertyScope scope) {
        int length = VariableByteInteger.read(in);
        if (length > in.readableBytes()) {
            throw MalformedPacketException.malformed(
                    "2.2.2.1", "Property Length " + length + " runs past the end of the packet (" + scope + ")");
        }
        if (length == 0) {
            return MqttProperties.EMPTY;
        }
        int end = in.readerIndex() + length;
        int savedWriterIndex = in.writerIndex();
        in.writerIndex(end); // confine every property read to the block
        try {
            MqttProperties.Builder builder = MqttProperties.builder();
            boolean[] seen = new boolean[PropertyId.MAX_ID + 1];
            while (in.isReadable()) {
                readOne(in, scope, builder, seen);
            }
            return builder.build();
        } finally {
            in.writerIndex(savedWriterIndex);
        }
    }

    private static void readOne(ByteBuf in, PropertyScope scope, MqttProperties.Builder builder, boolean[] seen) {
        // The identifier is a Variable Byte Integer, though every defined one fits in one byte (section 2.2.2.2).
        int identifier = VariableByteInteger.read(in);
        PropertyId id = PropertyId.ofId(identifier);
        if (id == null) {
            throw MalformedPacketException.malformed(
                    "2.2.2.2", "unknown property identifier 0x" + Integer.toHexString(identifier) + " in " + scope);
        }
        if (!id.isAllowedIn(scope)) {
            // 2.2.2.2: "A Control Packet which contains an Identifier which is not valid for its packet type ... is a
            // Malformed Packet."
            throw MalformedPacketException.malformed("2.2.2.2", id + " is not allowed in " + scope);
        }
        switch (id) {
            case USER_PROPERTY -> {
                String name = MqttStrings.readString(in, "User Property name");
                String value = MqttStrings.readString(in, "User Property value");
                builder.addUserProperty(name, value);
                return;
            }
            case SUBSCRIPTION_IDENTIFIER -> {
                // [MQTT-3.8.2.1.2] "It is a Protocol Error to include the Subscription Identifier more than once" in
                // SUBSCRIBE; a PUBLISH to a client carries one per matching subscription [MQTT-3.3.4-3].
                if (scope == PropertyScope.SUBSCRIBE && seen[identifier]) {
                    throw MalformedPacketException.protocolError(
                            "3.8.2.1.2", "Subscription Identifier appears more than once in SUBSCRIBE");
                }
                seen[identifier] = true;
                int value = VariableByteInteger.read(in);
                if (value == 0) {
                    throw MalformedPacketException.protocolError(
                            "3.8.2.1.2", "Subscription Identifier 0 is a Protocol Error");
                }
                builder.addSubscriptionIdentifier(value);
                return;
            }
            default -> {}
        }
        if (seen[identifier]) {
            throw MalformedPacketException.protocolError("2.2.2.2", id + " appears more than once in " + scope);
        }
        seen[identifier] = true;
        switch (id.type()) {
            case BYTE -> builder.put(id, checkRange(id, readFixed(in, 1)));
            case TWO_BYTE_INTEGER -> builder.put(id, checkRange(id, readFixed(in, 2)));
            case FOUR_BYTE_INTEGER -> builder.put(id, checkRange(id, readFixed(in, 4)));
            case UTF8_STRING -> builder.put(id, MqttStrings.readString(in, id.toString()));
            case BINARY_DATA -> builder.put(id, MqttStrings.readBinary(in, id.toString()));
            case VARIABLE_BYTE_INTEGER, UTF8_STRING_PAIR -> throw new IllegalStateException(id + " handled above");
        }
    }

    private static long readFixed(ByteBuf in, int size) {
        if (in.readableBytes() < size) {
            throw MalformedPacketException.malformed("2.2.2.2", "property value runs past the end of its block");
        }
        return switch (size) {
            case 1 -> in.readUnsignedByte();
            case 2 -> in.readUnsignedShort();
            default -> in.readUnsignedInt();
        };
    }

    /** Value rules of individual properties (section 3.1.2.11 and 3.2.2.3). */
    private static long checkRange(PropertyId id, long value) {
        switch (id) {
            case PAYLOAD_FORMAT_INDICATOR,
                    REQUEST_PROBLEM_INFORMATION,
                    REQUEST_RESPONSE_INFORMATION,
                    MAXIMUM_QOS,
                    RETAIN_AVAILABLE,
                    WILDCARD_SUBSCRIPTION_AVAILABLE,
                    SUBSCRIPTION_IDENTIFIER_AVAILABLE,
                    SHARED_SUBSCRIPTION_AVAILABLE -> {
                if (value > 1) {
                    throw MalformedPacketException.protocolError("2.2.2.2", id + " must be 0 or 1, was " + value);
                }
            }
            case RECEIVE_MAXIMUM, MAXIMUM_PACKET_SIZE -> {
                // [MQTT-3.1.2.11.3] Receive Maximum 0 and [MQTT-3.1.2.11.4] Maximum Packet Size 0 are Protocol Errors.
                if (value == 0) {
                    throw MalformedPacketException.protocolError("2.2.2.2", id + " must not be 0");
                }
            }
            case TOPIC_ALIAS -> {
                // [MQTT-3.3.2-8] a Topic Alias is never 0. Answered with 0x94 Topic Alias invalid, like an alias above
                // the maximum [MQTT-3.3.2-9] (the channel's check), so that an invalid alias gets one reason code
                // whatever its value (as EMQX and HiveMQ answer).
                if (value == 0) {
                    throw MalformedPacketException.withReason(
                            ReasonCode.TOPIC_ALIAS_INVALID, "MQTT-3.3.2-8", "Topic Alias must not be 0");
                }
            }
            default -> {}
        }
        return value;
    }

    /** Encoded size of the block without its length prefix. */
    static int size(MqttProperties properties) {
        if (properties == MqttProperties.EMPTY) {
            return 0;
        }
        int size = 0;
        for (PropertyId id : PROPERTY_IDS) {
            Object value = properties.rawValue(id.id());
            if (value == null) {
                continue;
            }
            size += 1
                    + switch (id.type()) {
                        case BYTE -> 1;
                        case TWO_BYTE_INTEGER -> 2;
                        case FOUR_BYTE_INTEGER -> 4;
                        case UTF8_STRING -> MqttStrings.stringSize((String) value);
                        case BINARY_DATA -> 2 + ((BinaryData) value).length();
                        case VARIABLE_BYTE_INTEGER, UTF8_STRING_PAIR -> 0;
                    };
        }
        for (int identifier : properties.subscriptionIdentifiers()) {
            size += 1 + VariableByteInteger.size(identifier);
        }
        for (UserProperty property : properties.userProperties()) {
            size += 1 + MqttStrings.stringSize(property.name()) + MqttStrings.stringSize(property.value());
        }
        return size;
    }

    /** Writes the property length and the block, in identifier order, user properties last in their own order. */
    static void write(ByteBuf out, MqttProperties properties, int size) {
        VariableByteInteger.write(out, size);
        if (size == 0) {
            return;
        }
        for (PropertyId id : PROPERTY_IDS) {
            Object value = properties.rawValue(id.id());
            if (value == null) {
                continue;
            }
            out.writeByte(id.id());
            switch (id.type()) {
                case BYTE -> out.writeByte((int) (long) (Long) value);
                case TWO_BYTE_INTEGER -> out.writeShort((int) (long) (Long) value);
                case FOUR_BYTE_INTEGER -> out.writeInt((int) (long) (Long) value);
                case UTF8_STRING -> MqttStrings.writeString(out, (String) value);
                case BINARY_DATA -> MqttStrings.writeBinary(out, (BinaryData) value);
                case VARIABLE_BYTE_INTEGER, UTF8_STRING_PAIR -> throw new IllegalStateException(id + " is a list");
            }
        }
        for (int identifier : properties.subscriptionIdentifiers()) {
            out.writeByte(PropertyId.SUBSCRIPTION_IDENTIFIER.id());
            VariableByteInteger.write(out, identifier);
        }
        for (UserProperty property : properties.userProperties()) {
            out.writeByte(PropertyId.USER_PROPERTY.id());
            MqttStrings.writeString(out, property.name());
            MqttStrings.writeString(out, property.value());
        }
    }
}
