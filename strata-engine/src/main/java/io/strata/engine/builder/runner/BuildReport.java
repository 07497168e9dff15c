package io.strata.engine.builder.runner;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a run.
 *
 * @param outcomes each node's outcome, in the order the jobs were given
 * @param cancelled whether the run was cancelled
 * @param wall how long the run took, from its first start to its last end
 * @param criticalPath the longest parent-to-child chain of the run
 */
public record BuildReport(List<NodeOutcome> outcomes, boolean cancelled, Duration wall, CriticalPath criticalPath) {

    /** Keeps an immutable copy. */
    public BuildReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The report of a run cancelled before it started any node. */
    public static BuildReport notStarted(List<NodeJob> jobs) {
        List<NodeOutcome> outcomes = jobs.stream().map(job -> NodeOutcome.notStarted(job.node())).toList();
        return new BuildReport(outcomes, true, Duration.ZERO, CriticalPath.of(jobs, outcomes));
    }

    /** Whether every node was built or reused. */
    public boolean succeeded() {
        return !cancelled && outcomes.stream().allMatch(o -> o.status().succeeded());
    }

    /** How many nodes ended with a status. */
    public long count(NodeStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
