package io.strata.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.NodeImpact;
import io.strata.engine.impact.Reason;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DotRendererTest {

    @Test
    void impactPictureStylesEachNodeByWhatHappensToIt() {
        LayerGraph graph = Graphs.of(Graphs.CONTRACT);
        String dot = DotRenderer.render(new GraphPicture(graph, Impacts.startingAt(graph, "compute/compute")));

        assertTrue(dot.startsWith("digraph layers {\n") && dot.endsWith("}\n"), dot);
        assertTrue(dot.contains("rankdir=TB"));
        for (String reused : List.of("my-fav-os/base", "hsn/base", "uan/uan", "slurm/uan")) {
            String attributes = attributes(dot, reused);
            assertTrue(attributes.contains("shape=ellipse") && attributes.contains("dotted"), reused + ": " + attributes);
        }
        String start = attributes(dot, "compute/compute");
        String rebuilt = attributes(dot, "slurm/compute");
        assertTrue(start.contains("shape=box") && start.contains("filled") && !start.contains("dotted"), start);
        assertTrue(rebuilt.contains("shape=box") && rebuilt.contains("filled") && !rebuilt.contains("dotted"), rebuilt);
        assertNotEquals(value(start, "fillcolor"), value(rebuilt, "fillcolor"));
        assertTrue(value(start, "tooltip").contains("roles/compute/tasks/main.yml: role compute used by compute.yml"));
        assertTrue(value(rebuilt, "tooltip").contains("parent compute/compute is rebuilt"));
        assertTrue(dot.contains("subgraph cluster_legend"));
        assertTrue(dot.contains("label=\"reused (4)\""), dot);
    }

    @Test
    void everyNodeAndEdgeIsWrittenOnce() {
        LayerGraph graph = Graphs.of(Graphs.FORTY);
        String dot = DotRenderer.render(GraphPicture.of(graph));

        for (NodeId id : graph.topologicalOrder()) {
            assertEquals(1, count(dot, "\n  \"" + id + "\" ["), id.toString());
            assertTrue(attributes(dot, id.toString()).contains("shape=box"));
        }
        for (String edge : Graphs.edges(graph)) {
            String[] ends = edge.split(" -> ");
            assertEquals(1, count(dot, "\"" + ends[0] + "\" -> \"" + ends[1] + "\";"), edge);
        }
        assertEquals(Graphs.edgeCount(graph), count(dot, " -> "));
        assertFalse(dot.contains("legend"), "no legend without an impact");
    }

    @Test
    void quotesAndBackslashesInNamesAndReasonsAreEscaped() {
        LayerGraph graph = Graphs.of(Graphs.ODD);
        NodeId odd = new NodeId(Graphs.ODD_LAYER, "compute");
        Reason reason = new Reason("variable", "group_vars/all.yml", "variable \"x\" changed\nsecond line");
        List<NodeId> reuse = graph.topologicalOrder().stream().filter(id -> !id.equals(odd)).toList();
        String dot = DotRenderer.render(new GraphPicture(graph, Impacts.of(
                List.of(new NodeImpact(odd, NodeId.parse("os/base"), true, List.of(reason))), reuse)));

        assertTrue(dot.contains("\n  \"we\\\"ird<&>'/compute\" [label=\"we\\\"ird<&>'/compute\""), dot);
        assertTrue(dot.contains("\n  \"os/base\" -> \"we\\\"ird<&>'/compute\";"), dot);
        // A lone \N would make Graphviz print the node's name: the backslash is doubled.
        assertTrue(dot.contains("label=\"back\\\\N/base\""), dot);
        assertTrue(dot.contains("variable \\\"x\\\" changed\\nsecond line"), dot);
        assertFalse(dot.contains("\nsecond line"), "a line break inside a string is written \\n");
    }

    private static String attributes(String dot, String node) {
        Matcher matcher = Pattern.compile("\n  " + Pattern.quote(DotRenderer.quote(node)) + " \\[(.*)\\];\n").matcher(dot);
        assertTrue(matcher.find(), node);
        return matcher.group(1);
    }

    private static String value(String attributes, String name) {
        Matcher matcher = Pattern.compile(name + "=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(attributes);
        assertTrue(matcher.find(), name);
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
