package io.strata.engine.builder.process;

/** Told of each tool process a runner starts and sees end (the leader of its own process group). */
public interface ProcessWatcher {

    /** Watches nothing. */
    ProcessWatcher NONE = new ProcessWatcher() {
    };

    /** A process started. */
    default void processStarted(ProcessHandle process) {
    }

    /** A process ended. */
    default void processEnded(ProcessHandle process) {
    }
}
