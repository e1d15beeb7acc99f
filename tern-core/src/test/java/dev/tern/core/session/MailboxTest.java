package dev.tern.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Qos;
import dev.tern.api.session.ClientInfo;
import dev.tern.api.session.ConnectResult;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.SessionHandle;
import dev.tern.api.session.SessionRequest;
import dev.tern.api.session.Subscribe;
import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.topic.TopicFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The mailbox's order guarantees, including a move to the executor it already runs on. */
class MailboxTest {

    @Test
    void tasksRunInOrderAndEachBatchEndsWithOneAfterBatch() {
        ManualLoop loop = new ManualLoop();
        List<String> log = new ArrayList<>();
        Mailbox mailbox = new Mailbox(loop, () -> log.add("flush"));

        mailbox.post(() -> log.add("a"));
        mailbox.post(() -> log.add("b"));
        loop.runAll();

        assertThat(log).containsExactly("a", "b", "flush");
    }

    @Test
    void whatAMoveQueuesOnTheNewOwnerRunsBeforeTheNextTask() {
        ManualLoop from = new ManualLoop();
        ManualLoop to = new ManualLoop();
        List<String> log = new ArrayList<>();
        Mailbox mailbox = new Mailbox(from, () -> log.add("flush"));
        mailbox.post(() -> {
            log.add("attach");
            mailbox.moveTo(to);
            to.execute(() -> log.add("connack"));
        });
        mailbox.post(() -> log.add("deliver"));

        from.runAll();
        to.runAll();

        assertThat(log).containsExactly("attach", "connack", "deliver", "flush");
        assertThat(mailbox.owner()).isSameAs(to);
    }

    @Test
    void aMoveToTheExecutorTheMailboxAlreadyRunsOnAlsoLetsWhatItQueuedThereGoFirst() {
        // Two connections of one session on the same event loop: the new connection's CONNACK, queued on that loop
        // by the move, must not be overtaken by the tasks behind the move in the same drain.
        ManualLoop loop = new ManualLoop();
        List<String> log = new ArrayList<>();
        Mailbox mailbox = new Mailbox(loop, () -> log.add("flush"));
        mailbox.post(() -> {
            log.add("attach");
            mailbox.moveTo(loop);
            loop.execute(() -> log.add("connack"));
        });
        mailbox.post(() -> log.add("deliver"));

        loop.runAll();

        assertThat(log).containsExactly("attach", "connack", "deliver", "flush");
    }

    @Test
    void aSessionResumedOnTheSameEventLoopGetsItsConnAckBeforeAMessageRoutedMeanwhile() {
        CoreFixture core = new CoreFixture();
        Sessions sessions = core.sessions;
        ManualLoop loop = new ManualLoop();
        RecordingOutlet firstOutlet = new RecordingOutlet(loop);
        SessionHandle first = connect(sessions, firstOutlet, loop);
        first.subscribe(
                List.of(new Subscribe(TopicFilter.parse("t"), SubscriptionOptions.of(Qos.AT_LEAST_ONCE))),
                results -> {});
        first.disconnected(DisconnectKind.NORMAL, OptionalLong.empty());
        loop.runAll();

        RecordingOutlet secondOutlet = new RecordingOutlet(loop);
        List<Integer> deliveriesAtConnAck = new ArrayList<>();
        sessions.connect(request(), secondOutlet, result -> deliveriesAtConnAck.add(secondOutlet.deliveries.size()));
        // Routed while the reconnect waits in the mailbox: the same drain would run it right after the attach.
        sessions.publish(core.message("t", "meanwhile", Qos.AT_LEAST_ONCE, false), outcome -> {});
        loop.runAll();

        assertThat(deliveriesAtConnAck).as("deliveries made before CONNACK").containsExactly(0);
        assertThat(secondOutlet.payloads()).containsExactly("meanwhile");
    }

    private static SessionHandle connect(Sessions sessions, RecordingOutlet outlet, ManualLoop loop) {
        AtomicReference<SessionHandle> handle = new AtomicReference<>();
        sessions.connect(request(), outlet, result -> {
            if (result instanceof ConnectResult.Connected connected) {
                handle.set(connected.session());
            }
        });
        loop.runAll();
        return handle.get();
    }

    private static SessionRequest request() {
        ClientInfo info = new ClientInfo("device", Optional.empty(), "127.0.0.1:1", "test", "test");
        return new SessionRequest(info, false, SessionRequest.NEVER_EXPIRES, 65_535, Optional.empty());
    }
}
