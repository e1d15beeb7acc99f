package dev.tern.core.session;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** An event loop driven by the test: tasks queue up and run when the test says so, in order. */
public final class ManualLoop implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs queued tasks, including those they queue, until none is left; true when it ran any. */
    public boolean runAll() {
        boolean ran = false;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
            ran = true;
        }
        return ran;
    }
}
