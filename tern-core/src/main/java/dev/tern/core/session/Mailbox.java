package dev.tern.core.session;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an actor's tasks one at a time, in order, on whichever executor owns the actor now. Producers on any thread
 * {@link #post}; one drain task per batch is scheduled on the owner, so a burst of messages to one session costs one
 * cross-thread hand-off, not one per message. The owner may change between tasks (session takeover): the drain stops
 * and continues on the new owner, preserving order.
 */
final class Mailbox {
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final Runnable afterBatch;
    private volatile Executor owner;
    /** Set by {@link #moveTo} and cleared by the drain it ends; both run on the draining thread. */
    private boolean moved;

    Mailbox(Executor owner, Runnable afterBatch) {
        this.owner = owner;
        this.afterBatch = afterBatch;
    }

    void post(Runnable task) {
        tasks.offer(task);
        if (scheduled.compareAndSet(false, true)) {
            owner.execute(drain);
        }
    }

    /**
     * Moves the actor to {@code next}; only called from a task running in this mailbox (or on the owner thread). The
     * current drain ends after that task and the rest runs in a new drain queued on {@code next}, even when {@code
     * next} is the executor the drain runs on: so whatever the moving task queued on {@code next} itself (a session's
     * CONNACK) runs before the mailbox's next task (a delivery, another takeover), whichever event loop each
     * connection has. Carrying on in the same drain would let a delivery reach a connection before its CONNACK.
     */
    void moveTo(Executor next) {
        owner = next;
        moved = true;
    }

    Executor owner() {
        return owner;
    }

    private void drain() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
            if (moved) {
                break; // moved: the rest runs in a new drain on the new owner, behind what the move queued there
            }
        }
        if (moved) {
            moved = false; // the new owner flushes: the afterBatch of a moved actor belongs to its new connection
        } else {
            afterBatch.run();
        }
        scheduled.set(false);
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            owner.execute(drain);
        }
    }
}
