package dev.tern.store.rocksdb;

import static dev.tern.store.rocksdb.Fixtures.queued;
import static dev.tern.store.rocksdb.Fixtures.richMessage;
import static dev.tern.store.rocksdb.Fixtures.session;
import static dev.tern.store.rocksdb.Fixtures.subscription;
import static dev.tern.store.rocksdb.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.api.message.Message;
import dev.tern.api.message.Qos;
import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredDelivery;
import dev.tern.api.store.StoredSession;
import dev.tern.api.store.StoredState;
import dev.tern.api.store.StoredSubscription;
import dev.tern.api.store.WriteResult;
import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRestoresWhatWasWrittenTest {
    @TempDir
    Path dir;

    private StoredState reopen() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            return store.load();
        }
    }

    @Test
    void a_new_store_is_created_in_a_missing_directory_and_loads_empty() throws Exception {
        dir = dir.resolve("a/b/store");
        assertThat(reopen()).isEqualTo(StoredState.EMPTY);
        assertThat(reopen()).isEqualTo(StoredState.EMPTY);
    }

    @Test
    void a_session_row_is_restored_field_by_field_with_client_info_will_and_disconnect_time() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            assertThat(write(
                            store,
                            new StoreChange.SessionSaved(session("c1")),
                            new StoreChange.SessionSaved(Fixtures.bareSession("ćlïënt/ünicode\u0000x"))))
                    .isEqualTo(WriteResult.WRITTEN);
        }
        StoredState state = reopen();
        assertThat(state.sessions())
                .extracting(StoredSession::session)
                .containsExactlyInAnyOrder(session("c1"), Fixtures.bareSession("ćlïënt/ünicode\u0000x"));
        StoredSession c1 = state.sessions().stream()
                .filter(s -> s.session().clientId().equals("c1"))
                .findFirst()
                .orElseThrow();
        assertThat(c1.session().will().orElseThrow().message().properties().userProperties())
                .hasSize(3);
        assertThat(c1.session().will().orElseThrow().delaySeconds()).isEqualTo(30);
    }

    @Test
    void subscriptions_shared_and_plain_are_restored_with_every_option() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            write(
                    store,
                    new StoreChange.SessionSaved(session("c1")),
                    subscription("c1", "a/+/c"),
                    subscription("c1", "$share/group/a/#"),
                    subscription("c1", "gone"));
            write(store, new StoreChange.SubscriptionRemoved("c1", TopicFilter.of("gone")));
        }
        StoredSession c1 = reopen().sessions().getFirst();
        assertThat(c1.subscriptions())
                .containsExactlyInAnyOrder(
                        new StoredSubscription(TopicFilter.of("a/+/c"), Fixtures.richOptions()),
                        new StoredSubscription(TopicFilter.parse("$share/group/a/#"), Fixtures.richOptions()));
    }

    @Test
    void deliveries_come_back_in_sequence_order_with_their_message_flags_and_release_state() throws Exception {
        Message message = richMessage("t/1", "payload");
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            write(store, new StoreChange.SessionSaved(session("c1")));
            // Written out of order, and across the sign of a 64-bit number, to show keys sort numerically.
            write(store, queued("c1", 300, 11, message), queued("c1", 2, 12, message));
            write(
                    store,
                    new StoreChange.DeliveryQueued(
                            "c1",
                            new StoredDelivery(
                                    256, 13, richMessage("t/2", "x"), Qos.EXACTLY_ONCE, false, List.of(), true)));
            write(store, new StoreChange.DeliveryReleased("c1", 2));
        }
        StoredState state = reopen();
        List<StoredDelivery> deliveries = state.sessions().getFirst().deliveries();
        assertThat(deliveries).extracting(StoredDelivery::seq).containsExactly(2L, 256L, 300L);
        assertThat(deliveries.get(0))
                .isEqualTo(new StoredDelivery(2, 12, message, Qos.AT_LEAST_ONCE, true, List.of(7, 42), true));
        assertThat(deliveries.get(1).released()).isTrue();
        assertThat(deliveries.get(2)).isEqualTo(Fixtures.delivery(300, 11, message));
        assertThat(state.lastMessageId()).isEqualTo(13);
    }

    @Test
    void exactly_once_identifiers_are_restored_and_released_ones_are_gone() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            write(
                    store,
                    new StoreChange.SessionSaved(session("c1")),
                    new StoreChange.ExactlyOnceHeld("c1", 1),
                    new StoreChange.ExactlyOnceHeld("c1", 65535),
                    new StoreChange.ExactlyOnceHeld("c1", 9));
            write(store, new StoreChange.ExactlyOnceReleased("c1", 9));
        }
        assertThat(reopen().sessions().getFirst().exactlyOnceHeld()).isEqualTo(Set.of(1, 65535));
    }

    @Test
    void retained_messages_are_restored_by_topic_and_a_removal_or_replacement_sticks() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            write(
                    store,
                    new StoreChange.RetainedSaved(richMessage("home/door", "open")),
                    new StoreChange.RetainedSaved(richMessage("home/window", "open")),
                    new StoreChange.RetainedSaved(Fixtures.plainMessage("home/light", "on")));
            write(
                    store,
                    new StoreChange.RetainedSaved(richMessage("home/door", "closed")),
                    new StoreChange.RetainedRemoved(new TopicName("home/window")));
        }
        assertThat(reopen().retained())
                .containsExactlyInAnyOrder(
                        richMessage("home/door", "closed"), Fixtures.plainMessage("home/light", "on"));
    }

    @Test
    void the_last_message_id_never_goes_back_even_when_every_message_is_gone() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            write(store, new StoreChange.SessionSaved(session("c1")), queued("c1", 1, 977, richMessage("t", "x")));
            write(store, new StoreChange.DeliveryRemoved("c1", 1, 977));
        }
        assertThat(reopen().lastMessageId()).isEqualTo(977);
    }

    @Test
    void load_hands_the_state_over_once() throws Exception {
        try (RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir))) {
            store.load();
            assertThatThrownBy(store::load).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void a_write_after_close_fails_instead_of_vanishing() throws Exception {
        RocksDbSessionStore store = RocksDbSessionStore.open(Fixtures.settings(dir));
        store.close();
        assertThat(write(store, new StoreChange.SessionSaved(session("late")))).isEqualTo(WriteResult.FAILED);
    }
}
