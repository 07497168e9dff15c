package io.strata.engine.builder.process;

/**
 * Runs external commands. The builder runs everything through one, so tests can replace it
 * with a double that records the exact commands and answers them.
 */
public interface CommandRunner {

    /**
     * Runs a command to its end, streaming its output to a sink.
     *
     * @param command what to run
     * @param sink where every output line goes as it comes
     * @return how it ended
     * @throws CancelledException when the run was cancelled (the command's process group is killed)
     */
    CommandResult run(Command command, OutputSink sink);

    /**
     * A runner for cleanup after a failure or a cancellation: its commands run to their end even
     * when the build has been cancelled.
     */
    default CommandRunner forCleanup() {
        return this;
    }
}
