package io.strata.engine.builder.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.graph.NodeId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalPathTest {

    private static NodeJob job(String node, String parent) {
        return new NodeJob(NodeId.parse(node), parent == null ? null : NodeId.parse(parent), "img", "t", null);
    }

    private static final List<NodeJob> PLAN = List.of(job("os/base", null), job("hsn/base", "os/base"),
            job("compute/compute", "hsn/base"), job("uan/uan", "hsn/base"), job("slurm/compute", "compute/compute"),
            job("slurm/uan", "uan/uan"));

    private static List<NodeOutcome> outcomes(Map<String, Integer> seconds) {
        return PLAN.stream().map(job -> new NodeOutcome(job.node(), NodeStatus.BUILT,
                Duration.ofSeconds(seconds.getOrDefault(job.node().toString(), 0)), null, "", null, null)).toList();
    }

    @Test
    void theLongestParentToChildChainWins() {
        CriticalPath path = CriticalPath.of(PLAN, outcomes(Map.of("os/base", 10, "hsn/base", 5, "compute/compute", 3,
                "uan/uan", 7, "slurm/compute", 6, "slurm/uan", 1)));
        // compute branch 3 + 6 = 9 beats uan branch 7 + 1 = 8, though uan/uan alone is the slowest node
        assertEquals(List.of("os/base", "hsn/base", "compute/compute", "slurm/compute"),
                path.nodes().stream().map(Object::toString).toList());
        assertEquals(Duration.ofSeconds(24), path.duration());
    }

    @Test
    void aPlanStartingBelowTheRootChainsFromItsFirstBuiltNode() {
        List<NodeJob> plan = List.of(job("uan/uan", "hsn/base"), job("slurm/uan", "uan/uan"), job("compute/compute", "hsn/base"));
        List<NodeOutcome> ran = List.of(
                new NodeOutcome(NodeId.parse("uan/uan"), NodeStatus.BUILT, Duration.ofSeconds(2), null, "", null, null),
                new NodeOutcome(NodeId.parse("slurm/uan"), NodeStatus.SKIPPED, Duration.ZERO, null, "", null, null),
                new NodeOutcome(NodeId.parse("compute/compute"), NodeStatus.BUILT, Duration.ofSeconds(3), null, "", null, null));
        CriticalPath path = CriticalPath.of(plan, ran);
        assertEquals(List.of(NodeId.parse("compute/compute")), path.nodes());
        assertEquals(Duration.ofSeconds(3), path.duration());
    }

    @Test
    void nothingRunGivesAnEmptyPath() {
        CriticalPath path = CriticalPath.of(List.of(), List.of());
        assertTrue(path.nodes().isEmpty());
        assertEquals(Duration.ZERO, path.duration());
    }
}
