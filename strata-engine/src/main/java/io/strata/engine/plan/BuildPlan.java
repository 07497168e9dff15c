package io.strata.engine.plan;

import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactResult;
import java.util.List;
import java.util.Map;

/**
 * What a build needs: the impact, the nodes to build in order with their images and parents,
 * levels for stage-per-level pipelines, and the published images of reused nodes.
 *
 * @param impact the impact it was made from
 * @param tag the tag built images get
 * @param publishedTag the mutable tag that marks published images
 * @param levels the nodes to build by level; each level depends only on earlier ones
 * @param build the nodes to build, parents first
 * @param reused reused node to its published image reference, in build order
 */
public record BuildPlan(
        ImpactResult impact,
        String tag,
        String publishedTag,
        List<List<NodeId>> levels,
        List<PlannedNode> build,
        Map<NodeId, String> reused) {

    /** Whether every node is built. */
    public boolean fullBuild() {
        return reused.isEmpty();
    }

    /** The planned node, if it is built. */
    public java.util.Optional<PlannedNode> node(NodeId id) {
        return build.stream().filter(n -> n.node().equals(id)).findFirst();
    }
}
