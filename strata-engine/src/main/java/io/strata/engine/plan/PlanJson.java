package io.strata.engine.plan;

import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build plan as plain maps and lists (CPS-safe for Jenkins, the input of generated pipelines)
 * and as JSON. It extends the impact result of docs/layers-format.md section 4 with build fields.
 */
public final class PlanJson {

    private PlanJson() {
    }

    /** The plan as maps and lists. */
    public static Map<String, Object> toMap(BuildPlan plan) {
        Map<String, Object> map = ImpactJson.toMap(plan.impact());
        map.put("fullBuild", plan.fullBuild());
        map.put("tag", plan.tag());
        map.put("publishedTag", plan.publishedTag());
        List<Object> levels = new ArrayList<>();
        plan.levels().forEach(level -> levels.add(ImpactJson.names(level)));
        map.put("levels", levels);
        List<Object> build = new ArrayList<>();
        for (PlannedNode node : plan.build()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("node", node.node().toString());
            entry.put("layer", node.node().layer());
            entry.put("imageType", node.node().type());
            entry.put("parent", node.parent() == null ? null : node.parent().toString());
            entry.put("level", node.level());
            entry.put("start", node.start());
            entry.put("image", node.image());
            entry.put("tag", node.tag());
            entry.put("from", node.from());
            entry.put("parentRebuilt", node.parentRebuilt());
            entry.put("reasons", ImpactJson.reasons(node.reasons()));
            build.add(entry);
        }
        map.put("build", build);
        List<Object> reused = new ArrayList<>();
        for (Map.Entry<NodeId, String> entry : plan.reused().entrySet()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("node", entry.getKey().toString());
            item.put("image", entry.getValue());
            reused.add(item);
        }
        map.put("reused", reused);
        return map;
    }

    /** The plan as indented JSON. */
    public static String write(BuildPlan plan) {
        return ImpactJson.json(toMap(plan));
    }
}
