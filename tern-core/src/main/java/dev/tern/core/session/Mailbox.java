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

    /** Moves the actor to {@code next}; only called from a task running in this mailbox (or on the owner thread). */
    void moveTo(Executor next) {
        owner = next;
    }

    Executor owner() {
        return owner;
    }

    private void drain() {
        Executor ranOn = owner;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
            if (owner != ranOn) {
                break; // moved: the rest runs on the new owner
            }
        }
        if (owner == ranOn) {
            afterBatch.run();
        }
        scheduled.set(false);
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            owner.execute(drain);
        }
    }
}
