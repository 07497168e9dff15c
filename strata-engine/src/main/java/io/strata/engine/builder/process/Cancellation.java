package io.strata.engine.builder.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A build's stop signal, shared by everything that runs for it. Cancelling runs every registered
 * action once (running commands kill their process groups); later registrations run at once.
 */
public final class Cancellation {

    private final Set<Runnable> actions = new LinkedHashSet<>();
    private boolean cancelled;
    private String reason = "";

    /** A signal that has not fired. */
    public Cancellation() {
    }

    /** Fires the signal: every registered action runs, in registration order. */
    public void cancel(String why) {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            reason = why;
            toRun = new ArrayList<>(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    /** Whether the signal has fired. */
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Why it was cancelled ("" before). */
    public synchronized String reason() {
        return reason;
    }

    /** Throws {@link CancelledException} when the signal has fired. */
    public void check(String what) {
        if (isCancelled()) {
            throw new CancelledException(what);
        }
    }

    /**
     * Registers an action to run on cancellation; it runs at once when the signal has fired.
     *
     * @return what removes the registration
     */
    public Registration onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return () -> {
                    synchronized (this) {
                        actions.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> {
        };
    }

    /** A registration that can be withdrawn. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        /** Withdraws the action. */
        @Override
        void close();
    }
}
