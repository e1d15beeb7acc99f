package dev.tern.store.rocksdb;

import static dev.tern.store.rocksdb.Fixtures.queued;
import static dev.tern.store.rocksdb.Fixtures.richMessage;
import static dev.tern.store.rocksdb.Fixtures.session;
import static dev.tern.store.rocksdb.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Message;
import dev.tern.api.store.StoreChange;
import dev.tern.api.store.StoredSession;
import dev.tern.api.store.StoredState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

class PayloadIsStoredOnceTest {
    @TempDir
    Path dir;

    private final Message message = richMessage("fan/out", "one payload for everyone");

    private RocksDbSessionStore open() throws StoreOpenException {
        return RocksDbSessionStore.open(Fixtures.settings(dir));
    }

    @Test
    void deliveries_of_one_message_to_three_sessions_share_one_message_row_until_the_last_is_removed()
            throws Exception {
        try (RocksDbSessionStore store = open()) {
            write(
                    store,
                    new StoreChange.SessionSaved(session("a")),
                    new StoreChange.SessionSaved(session("b")),
                    new StoreChange.SessionSaved(session("c")));
            write(store, queued("a", 1, 5, message), queued("b", 1, 5, message));
            write(store, queued("c", 7, 5, message));
            assertThat(store.messageRowCount()).isEqualTo(1);

            write(store, new StoreChange.DeliveryRemoved("a", 1, 5), new StoreChange.DeliveryRemoved("b", 1, 5));
            assertThat(store.messageRowCount()).isEqualTo(1);
            write(store, new StoreChange.DeliveryRemoved("c", 7, 5));
            assertThat(store.messageRowCount()).isZero();
        }
    }

    @Test
    void removing_a_session_releases_its_deliveries_references_including_ones_queued_in_the_same_write()
            throws Exception {
        Message other = richMessage("only/a", "x");
        try (RocksDbSessionStore store = open()) {
            write(
                    store,
                    new StoreChange.SessionSaved(session("a")),
                    new StoreChange.SessionSaved(session("b")),
                    queued("a", 1, 5, message),
                    queued("b", 1, 5, message),
                    queued("a", 2, 6, other));
            write(store, queued("a", 3, 7, other), new StoreChange.SessionRemoved("a"));
            assertThat(store.messageRowCount()).isEqualTo(1);
            write(store, new StoreChange.SessionRemoved("b"));
            assertThat(store.messageRowCount()).isZero();
        }
        try (RocksDbSessionStore store = open()) {
            assertThat(store.load().sessions()).isEmpty();
        }
    }

    @Test
    void counts_survive_a_restart_so_the_message_still_goes_with_its_last_delivery() throws Exception {
        try (RocksDbSessionStore store = open()) {
            write(
                    store,
                    new StoreChange.SessionSaved(session("a")),
                    new StoreChange.SessionSaved(session("b")),
                    queued("a", 1, 5, message),
                    queued("b", 1, 5, message));
        }
        try (RocksDbSessionStore store = open()) {
            StoredState state = store.load();
            assertThat(state.sessions())
                    .flatExtracting(StoredSession::deliveries)
                    .hasSize(2);
            write(store, new StoreChange.DeliveryRemoved("a", 1, 5));
            assertThat(store.messageRowCount()).isEqualTo(1);
            write(store, new StoreChange.DeliveryRemoved("b", 1, 5));
            assertThat(store.messageRowCount()).isZero();
        }
    }

    @Test
    void removing_a_delivery_twice_does_not_take_a_reference_it_no_longer_holds() throws Exception {
        try (RocksDbSessionStore store = open()) {
            write(
                    store,
                    new StoreChange.SessionSaved(session("a")),
                    new StoreChange.SessionSaved(session("b")),
                    queued("a", 1, 5, message),
                    queued("b", 1, 5, message));
            write(store, new StoreChange.DeliveryRemoved("a", 1, 5), new StoreChange.DeliveryRemoved("a", 1, 5));
            write(store, new StoreChange.DeliveryRemoved("a", 1, 5));
            assertThat(store.messageRowCount()).isEqualTo(1);
        }
    }

    @Test
    void load_drops_rows_whose_session_is_gone_and_messages_nothing_references() throws Exception {
        // Rows written behind the store's back, as a crash between two unrelated writes could leave them.
        try (Database database = Database.open(Fixtures.settings(dir));
                WriteBatch batch = new WriteBatch();
                WriteOptions sync = new WriteOptions().setSync(true)) {
            batch.put(database.handle(ColumnFamily.SESSIONS), Keys.client("kept"), Values.session(session("kept")));
            batch.put(
                    database.handle(ColumnFamily.SUBSCRIPTIONS),
                    Keys.subscription("ghost", dev.tern.api.topic.TopicFilter.of("x")),
                    Values.subscription(Fixtures.richOptions()));
            batch.put(
                    database.handle(ColumnFamily.DELIVERIES),
                    Keys.delivery("ghost", 1),
                    Values.delivery(new Values.DeliveryRow(
                            5, dev.tern.api.message.Qos.AT_LEAST_ONCE, false, java.util.List.of())));
            batch.put(database.handle(ColumnFamily.RELEASED), Keys.delivery("ghost", 1), Values.marker());
            batch.put(database.handle(ColumnFamily.EXACTLY_ONCE), Keys.exactlyOnce("ghost", 3), Values.marker());
            batch.put(database.handle(ColumnFamily.MESSAGES), Keys.message(5), Values.message(message));
            batch.put(database.handle(ColumnFamily.MESSAGES), Keys.message(9), Values.message(message));
            database.db().write(sync, batch);
        }
        try (RocksDbSessionStore store = open()) {
            StoredState state = store.load();
            assertThat(state.sessions()).singleElement().satisfies(s -> {
                assertThat(s.session().clientId()).isEqualTo("kept");
                assertThat(s.subscriptions()).isEmpty();
                assertThat(s.deliveries()).isEmpty();
                assertThat(s.exactlyOnceHeld()).isEmpty();
            });
            assertThat(state.lastMessageId()).isEqualTo(9);
            assertThat(store.messageRowCount()).isZero();
        }
        try (Database database = Database.open(Fixtures.settings(dir))) {
            for (ColumnFamily cf : java.util.List.of(
                    ColumnFamily.SUBSCRIPTIONS,
                    ColumnFamily.DELIVERIES,
                    ColumnFamily.RELEASED,
                    ColumnFamily.EXACTLY_ONCE,
                    ColumnFamily.MESSAGES)) {
                try (org.rocksdb.RocksIterator rows = database.iterator(cf)) {
                    rows.seekToFirst();
                    assertThat(rows.isValid()).as("rows left in %s", cf).isFalse();
                }
            }
        }
    }
}
