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
import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.WriteResult;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Values with every field set to something other than its default, and small helpers around the store. */
final class Fixtures {
    private Fixtures() {}

    /** Small memory so many stores fit in one test JVM; SYNC. */
    static StoreSettings settings(Path dir) {
        return StoreSettings.defaults(dir).withMemory(4 * StoreSettings.MIB, StoreSettings.MIB);
    }

    static Message richMessage(String topic, String payload) {
        MessageProperties properties = new MessageProperties(
                true,
                Optional.of("text/plain; charset=utf-8"),
                Optional.of(new TopicName("reply/" + topic)),
                Optional.of(Payload.copyOf(new byte[] {0, 1, 2, (byte) 0xFF})),
                List.of(new UserProperty("k", "v"), new UserProperty("k", "v2"), new UserProperty("ünï", "cödé ✓")));
        return new Message(
                new TopicName(topic),
                Payload.utf8(payload),
                Qos.EXACTLY_ONCE,
                true,
                properties,
                "publisher-1",
                1_700_000_000_000L,
                1_700_000_060_000L);
    }

    static Message plainMessage(String topic, String payload) {
        return new Message(
                new TopicName(topic),
                Payload.utf8(payload),
                Qos.AT_LEAST_ONCE,
                false,
                MessageProperties.NONE,
                "",
                1000,
                Message.NEVER_EXPIRES);
    }

    static SessionRecord session(String clientId) {
        return new SessionRecord(
                new ClientInfo(clientId, Optional.of("alice"), "10.0.0.7:51234", "mqtt/5.0", "tcp"),
                3600,
                Optional.of(new Will(richMessage("wills/" + clientId.length(), "gone"), 30)),
                OptionalLong.of(1_700_000_123_456L));
    }

    static SessionRecord bareSession(String clientId) {
        return new SessionRecord(
                new ClientInfo(clientId, Optional.empty(), "127.0.0.1:1", "mqtt/3.1.1", "tcp"),
                0,
                Optional.empty(),
                OptionalLong.empty());
    }

    static SubscriptionOptions richOptions() {
        return new SubscriptionOptions(Qos.EXACTLY_ONCE, true, true, RetainHandling.DO_NOT_SEND, OptionalInt.of(42));
    }

    static StoreChange.SubscriptionSaved subscription(String clientId, String filter) {
        return new StoreChange.SubscriptionSaved(clientId, TopicFilter.parse(filter), richOptions());
    }

    static StoredDelivery delivery(long seq, long messageId, Message message) {
        return new StoredDelivery(seq, messageId, message, Qos.AT_LEAST_ONCE, true, List.of(7, 42), false);
    }

    static StoreChange.DeliveryQueued queued(String clientId, long seq, long messageId, Message message) {
        return new StoreChange.DeliveryQueued(clientId, delivery(seq, messageId, message));
    }

    /** Writes and waits for the store thread to say how it went. */
    static WriteResult write(RocksDbSessionStore store, StoreChange... changes) throws Exception {
        CompletableFuture<WriteResult> done = new CompletableFuture<>();
        store.write(List.of(changes), done::complete);
        return done.get(30, TimeUnit.SECONDS);
    }
}
