package io.strata.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.graph.LayerGraph;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MermaidRendererTest {

    private static final Pattern NODE = Pattern.compile("^    (n\\d+)(\\[\"|\\(\\[\")(.*?)(\"\\]|\"\\]\\))$", Pattern.MULTILINE);
    private static final Pattern EDGE = Pattern.compile("^    (n\\d+) --> (n\\d+)$", Pattern.MULTILINE);

    @Test
    void everyNodeAndEdgeIsWrittenWithSafeIds() {
        LayerGraph graph = Graphs.of(Graphs.FORTY);
        String mermaid = MermaidRenderer.render(GraphPicture.of(graph));

        assertTrue(mermaid.startsWith("flowchart TD\n"));
        Map<String, String> labels = labels(mermaid);
        assertEquals(Graphs.names(graph), new HashSet<>(labels.values()));
        assertEquals(graph.topologicalOrder().size(), labels.size());
        Set<String> edges = new HashSet<>();
        Matcher edge = EDGE.matcher(mermaid);
        int count = 0;
        while (edge.find()) {
            edges.add(labels.get(edge.group(1)) + " -> " + labels.get(edge.group(2)));
            count++;
        }
        assertEquals(Graphs.edgeCount(graph), count);
        assertEquals(Graphs.edges(graph), edges);
        assertFalse(mermaid.contains("legend"), "no legend without an impact");
    }

    @Test
    void rebuiltNodesAreBoxesAndReusedNodesDashedStadiums() {
        LayerGraph graph = Graphs.of(Graphs.CONTRACT);
        String mermaid = MermaidRenderer.render(new GraphPicture(graph, Impacts.startingAt(graph, "compute/compute")));

        Map<String, String> ids = new HashMap<>();
        Map<String, String> shapes = new HashMap<>();
        Matcher node = NODE.matcher(mermaid);
        while (node.find()) {
            ids.put(node.group(3), node.group(1));
            shapes.put(node.group(3), node.group(2));
        }
        for (String reused : List.of("my-fav-os/base", "hsn/base", "uan/uan", "slurm/uan")) {
            assertEquals("([\"", shapes.get(reused), reused);
            assertEquals("reused", classOf(mermaid, ids.get(reused)), reused);
        }
        assertEquals("[\"", shapes.get("compute/compute"));
        assertEquals("start", classOf(mermaid, ids.get("compute/compute")));
        assertEquals("[\"", shapes.get("slurm/compute"));
        assertEquals("rebuilt", classOf(mermaid, ids.get("slurm/compute")));
        assertTrue(mermaid.contains("classDef reused ") && classDef(mermaid, "reused").contains("stroke-dasharray"));
        assertNotEquals(fill(classDef(mermaid, "start")), fill(classDef(mermaid, "rebuilt")));
        assertTrue(mermaid.contains("subgraph legend[\"Legend\"]"));
        assertTrue(mermaid.contains("legend_reused([\"reused (4)\"])"), mermaid);
    }

    @Test
    void namesMermaidReadsAsSyntaxAreEntityEncoded() {
        LayerGraph graph = Graphs.of(Graphs.ODD);
        String mermaid = MermaidRenderer.render(GraphPicture.of(graph));

        assertTrue(mermaid.contains("[\"we#34;ird#60;#38;#62;#39;/compute\"]"), mermaid);
        assertTrue(mermaid.contains("[\"end#35;1#59;/base\"]"), mermaid);
        assertTrue(mermaid.contains("[\"back#92;N/base\"]"), mermaid);
        Matcher node = NODE.matcher(mermaid);
        while (node.find()) {
            assertTrue(node.group(3).matches("[\\p{L}\\p{N} /\\-_.,:()+@=#;]*"), node.group(3));
        }
    }

    private static Map<String, String> labels(String mermaid) {
        Map<String, String> labels = new HashMap<>();
        Matcher node = NODE.matcher(mermaid);
        while (node.find()) {
            labels.put(node.group(1), node.group(3));
        }
        return labels;
    }

    private static String classOf(String mermaid, String id) {
        Matcher line = Pattern.compile("^    class (\\S+) (\\w+)$", Pattern.MULTILINE).matcher(mermaid);
        while (line.find()) {
            if (List.of(line.group(1).split(",")).contains(id)) {
                return line.group(2);
            }
        }
        return null;
    }

    private static String fill(String style) {
        Matcher fill = Pattern.compile("fill:(#[0-9a-f]{6})").matcher(style);
        assertTrue(fill.find(), style);
        return fill.group(1);
    }

    private static String classDef(String mermaid, String name) {
        Matcher line = Pattern.compile("^    classDef " + name + " (.*)$", Pattern.MULTILINE).matcher(mermaid);
        assertTrue(line.find(), name);
        return line.group(1);
    }
}
