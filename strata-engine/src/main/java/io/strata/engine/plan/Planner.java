package io.strata.engine.plan;

import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.impact.NodeImpact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an impact into a build plan. */
public final class Planner {

    /** The FROM of a root. */
    public static final String SCRATCH = "scratch";

    private Planner() {
    }

    /**
     * Plans the build.
     *
     * @param impact what to rebuild
     * @param names how images are named
     * @param tag the tag built images get (e.g. the head commit's short id)
     * @param publishedTag the tag of published images that reused nodes are taken from
     * @throws io.strata.engine.config.ConfigException when a tag is no image tag
     */
    public static BuildPlan plan(ImpactResult impact, ImageNames names, String tag, String publishedTag) {
        ImageNames.checkTag("the run's tag", tag);
        ImageNames.checkTag("the published tag", publishedTag);
        Map<NodeId, Integer> levelOf = new HashMap<>();
        List<List<NodeId>> levels = new ArrayList<>();
        List<PlannedNode> build = new ArrayList<>();
        for (NodeImpact node : impact.rebuild()) {
            NodeId parent = node.parent();
            boolean parentBuilt = parent != null && levelOf.containsKey(parent);
            int level = parentBuilt ? levelOf.get(parent) + 1 : 0;
            levelOf.put(node.node(), level);
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(node.node());
            String from = parent == null ? SCRATCH
                    : names.reference(parent, parentBuilt ? tag : publishedTag);
            build.add(new PlannedNode(node.node(), parent, level, node.start(), node.reasons(),
                    names.image(node.node()), tag, from, parentBuilt));
        }
        Map<NodeId, String> reused = new LinkedHashMap<>();
        for (NodeId id : impact.reuse()) {
            reused.put(id, names.reference(id, publishedTag));
        }
        return new BuildPlan(impact, tag, publishedTag, levels.stream().map(List::copyOf).toList(), List.copyOf(build), reused);
    }
}
