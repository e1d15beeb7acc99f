package dev.tern.store.rocksdb;

import dev.tern.api.message.Message;
import dev.tern.api.message.MessageProperties;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.message.UserProperty;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.session.RetainHandling;
import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.session.Will;
import dev.tern.api.store.SessionRecord;
import dev.tern.api.topic.TopicName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The value encodings of format 1, hand-written. About eight fixed record shapes do not pay for a schema library (its
 * jar, its generated code, its own compatibility rules); a leading format byte on every value lets a later format
 * read old rows and refuse rows it does not know. Field order is the order of the record components.
 */
final class Values {
    static final int FORMAT = 1;

    private Values() {}

    /** What a delivery row holds; the message lives in its own row, the released flag in {@code released}. */
    record DeliveryRow(long messageId, Qos qos, boolean retain, List<Integer> subscriptionIdentifiers) {}

    static byte[] marker() {
        return new ValueOutput(FORMAT).toByteArray();
    }

    static void readMarker(byte[] value) {
        new ValueInput(value, FORMAT).end();
    }

    static byte[] message(Message message) {
        ValueOutput out = new ValueOutput(FORMAT);
        writeMessage(out, message);
        return out.toByteArray();
    }

    static Message readMessage(byte[] value) {
        ValueInput in = new ValueInput(value, FORMAT);
        Message message = readMessage(in);
        in.end();
        return message;
    }

    static byte[] session(SessionRecord session) {
        ValueOutput out = new ValueOutput(FORMAT);
        ClientInfo client = session.client();
        out.writeString(client.clientId())
                .writeOptionalString(client.username())
                .writeString(client.peer())
                .writeString(client.protocol())
                .writeString(client.listener())
                .writeLong(session.expirySeconds())
                .writeBoolean(session.will().isPresent());
        session.will().ifPresent(will -> {
            writeMessage(out, will.message());
            out.writeLong(will.delaySeconds());
        });
        out.writeBoolean(session.disconnectedAtMillis().isPresent());
        session.disconnectedAtMillis().ifPresent(out::writeLong);
        return out.toByteArray();
    }

    static SessionRecord readSession(byte[] value) {
        ValueInput in = new ValueInput(value, FORMAT);
        ClientInfo client = new ClientInfo(
                in.readString(), in.readOptionalString(), in.readString(), in.readString(), in.readString());
        long expirySeconds = in.readLong();
        Optional<Will> will =
                in.readBoolean() ? Optional.of(new Will(readMessage(in), in.readLong())) : Optional.empty();
        OptionalLong disconnectedAt = in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
        in.end();
        return new SessionRecord(client, expirySeconds, will, disconnectedAt);
    }

    static byte[] subscription(SubscriptionOptions options) {
        ValueOutput out = new ValueOutput(FORMAT)
                .writeByte(options.maximumQos().level())
                .writeBoolean(options.noLocal())
                .writeBoolean(options.retainAsPublished())
                .writeByte(options.retainHandling().ordinal())
                .writeBoolean(options.subscriptionIdentifier().isPresent());
        options.subscriptionIdentifier().ifPresent(out::writeInt);
        return out.toByteArray();
    }

    static SubscriptionOptions readSubscription(byte[] value) {
        ValueInput in = new ValueInput(value, FORMAT);
        Qos qos = readQos(in);
        boolean noLocal = in.readBoolean();
        boolean retainAsPublished = in.readBoolean();
        int handling = in.readByte();
        if (handling >= RetainHandling.values().length) {
            throw new CorruptValueException("retain handling " + handling);
        }
        OptionalInt identifier = in.readBoolean() ? OptionalInt.of(in.readInt()) : OptionalInt.empty();
        in.end();
        return new SubscriptionOptions(qos, noLocal, retainAsPublished, RetainHandling.values()[handling], identifier);
    }

    static byte[] delivery(DeliveryRow row) {
        ValueOutput out = new ValueOutput(FORMAT)
                .writeLong(row.messageId())
                .writeByte(row.qos().level())
                .writeBoolean(row.retain())
                .writeInt(row.subscriptionIdentifiers().size());
        row.subscriptionIdentifiers().forEach(out::writeInt);
        return out.toByteArray();
    }

    static DeliveryRow readDelivery(byte[] value) {
        ValueInput in = new ValueInput(value, FORMAT);
        long messageId = in.readLong();
        Qos qos = readQos(in);
        boolean retain = in.readBoolean();
        int count = readCount(in);
        List<Integer> identifiers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            identifiers.add(in.readInt());
        }
        in.end();
        return new DeliveryRow(messageId, qos, retain, identifiers);
    }

    static byte[] counter(long value) {
        return new ValueOutput(FORMAT).writeLong(value).toByteArray();
    }

    static long readCounter(byte[] value) {
        ValueInput in = new ValueInput(value, FORMAT);
        long counter = in.readLong();
        in.end();
        return counter;
    }

    private static void writeMessage(ValueOutput out, Message message) {
        MessageProperties properties = message.properties();
        out.writeString(message.topic().value())
                .writeBytes(message.payload().sharedArray())
                .writeByte(message.qos().level())
                .writeBoolean(message.retain())
                .writeBoolean(properties.payloadIsUtf8())
                .writeOptionalString(properties.contentType())
                .writeOptionalString(properties.responseTopic().map(TopicName::value))
                .writeBoolean(properties.correlationData().isPresent());
        properties.correlationData().ifPresent(data -> out.writeBytes(data.sharedArray()));
        out.writeInt(properties.userProperties().size());
        for (UserProperty property : properties.userProperties()) {
            out.writeString(property.name()).writeString(property.value());
        }
        out.writeString(message.originClientId())
                .writeLong(message.createdAtMillis())
                .writeLong(message.expiresAtMillis());
    }

    private static Message readMessage(ValueInput in) {
        TopicName topic = new TopicName(in.readString());
        Payload payload = Payload.wrapOwned(in.readBytes());
        Qos qos = readQos(in);
        boolean retain = in.readBoolean();
        boolean utf8 = in.readBoolean();
        Optional<String> contentType = in.readOptionalString();
        Optional<TopicName> responseTopic = in.readOptionalString().map(TopicName::new);
        Optional<Payload> correlation =
                in.readBoolean() ? Optional.of(Payload.wrapOwned(in.readBytes())) : Optional.empty();
        int count = readCount(in);
        List<UserProperty> userProperties = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            userProperties.add(new UserProperty(in.readString(), in.readString()));
        }
        MessageProperties properties =
                new MessageProperties(utf8, contentType, responseTopic, correlation, userProperties);
        return new Message(topic, payload, qos, retain, properties, in.readString(), in.readLong(), in.readLong());
    }

    private static Qos readQos(ValueInput in) {
        int level = in.readByte();
        if (level > 2) {
            throw new CorruptValueException("QoS " + level);
        }
        return Qos.ofLevel(level);
    }

    /** A count is bounded by the bytes left (each element takes at least one), so garbage cannot allocate gigabytes. */
    private static int readCount(ValueInput in) {
        int count = in.readInt();
        if (count < 0 || count > 1 << 24) {
            throw new CorruptValueException("element count " + count);
        }
        return count;
    }
}
