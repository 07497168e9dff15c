package io.strata.engine.builder.runner;

import io.strata.engine.graph.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The longest chain of a run: the parent-to-child sequence of nodes whose build durations add up
 * to the most. No scheduler can finish a run sooner, so a run's wall time is judged against it.
 *
 * @param nodes the chain, parent first (empty when nothing ran)
 * @param duration the sum of its nodes' build durations
 */
public record CriticalPath(List<NodeId> nodes, Duration duration) {

    /** Keeps an immutable copy. */
    public CriticalPath {
        nodes = List.copyOf(nodes);
    }

    /**
     * The critical path of a run.
     *
     * @param plan the jobs, parents before children
     * @param outcomes how each node ended (a node that never ran counts as zero)
     */
    public static CriticalPath of(List<NodeJob> plan, List<NodeOutcome> outcomes) {
        Map<NodeId, Duration> durations = new HashMap<>();
        outcomes.forEach(outcome -> durations.put(outcome.node(), outcome.duration()));
        Map<NodeId, Duration> upTo = new HashMap<>();
        Map<NodeId, NodeId> via = new HashMap<>();
        NodeId last = null;
        for (NodeJob job : plan) {
            Duration own = durations.getOrDefault(job.node(), Duration.ZERO);
            Duration before = job.parent() == null ? null : upTo.get(job.parent());
            upTo.put(job.node(), before == null ? own : before.plus(own));
            if (before != null) {
                via.put(job.node(), job.parent());
            }
            if (last == null || upTo.get(job.node()).compareTo(upTo.get(last)) > 0) {
                last = job.node();
            }
        }
        if (last == null) {
            return new CriticalPath(List.of(), Duration.ZERO);
        }
        List<NodeId> chain = new ArrayList<>();
        for (NodeId node = last; node != null; node = via.get(node)) {
            chain.add(node);
        }
        Collections.reverse(chain);
        return new CriticalPath(chain, upTo.get(last));
    }
}
