package io.strata.engine.render;

import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.impact.NodeImpact;
import io.strata.engine.impact.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Impacts for tests, shaped like the analyzer's: directly affected nodes and their descendants. */
final class Impacts {

    private Impacts() {
    }

    /**
     * The impact of a change to the role named after each start node's layer: the start nodes
     * are directly affected, their descendants rebuilt for their parent, every other node reused.
     */
    static ImpactResult startingAt(LayerGraph graph, String... startNodes) {
        Set<NodeId> starts = new HashSet<>();
        for (String node : startNodes) {
            starts.add(NodeId.parse(node));
        }
        Set<NodeId> rebuilt = new HashSet<>();
        List<NodeImpact> rebuild = new ArrayList<>();
        List<NodeId> reuse = new ArrayList<>();
        for (NodeId id : graph.topologicalOrder()) {
            NodeId parent = graph.parent(id).orElse(null);
            if (starts.contains(id)) {
                rebuild.add(new NodeImpact(id, parent, true, List.of(roleReason(id))));
                rebuilt.add(id);
            } else if (parent != null && rebuilt.contains(parent)) {
                rebuild.add(new NodeImpact(id, parent, false, List.of(Reason.parent(parent.toString()))));
                rebuilt.add(id);
            } else {
                reuse.add(id);
            }
        }
        return of(rebuild, reuse);
    }

    /** An impact with these entries and no revisions; each reused node is explained. */
    static ImpactResult of(List<NodeImpact> rebuild, List<NodeId> reuse) {
        Map<NodeId, String> explanations = new TreeMap<>();
        reuse.forEach(id -> explanations.put(id, "no build input of " + id + " changed"));
        return new ImpactResult(null, null, List.of(), rebuild, reuse, List.of(), explanations);
    }

    /** The reason {@link #startingAt} gives a start node. */
    static Reason roleReason(NodeId id) {
        return new Reason("role", "roles/" + id.layer() + "/tasks/main.yml",
                "role " + id.layer() + " used by " + id.layer() + ".yml");
    }
}
