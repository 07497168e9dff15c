package io.strata.engine.builder.runner;

import io.strata.engine.graph.NodeId;
import java.nio.file.Path;
import java.util.List;

/** Follows a run: what started, what it prints, how it ended. Called from several threads. */
public interface BuildProgress {

    /** A line about the run itself, e.g. what was cleaned up after an earlier run that was killed. */
    default void note(String line) {
    }

    /** The run is about to start these nodes, parents first. */
    void planned(List<NodeJob> jobs);

    /** A node's build started. */
    void started(NodeId node, Path log);

    /** A node's build printed a line (already masked). */
    void output(NodeId node, String line);

    /** A node ended (also called for nodes skipped or cancelled before starting). */
    void finished(NodeOutcome outcome);

    /** The run ended. */
    void done(List<NodeOutcome> outcomes);
}
