package io.strata.engine.graph;

import io.strata.engine.config.ImageTypeEntry;
import io.strata.engine.config.Layer;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Settings;
import io.strata.engine.config.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/** Layer graphs for tests, built by hand without a layers file. */
public final class TestGraphs {

    private static final String FILE = "layers.yaml";

    private TestGraphs() {
    }

    /** The graph of the contract's example (section 2). */
    public static LayerGraph contractExample() {
        return of(
                "my-fav-os/base -> hsn/base",
                "hsn/base -> compute/compute",
                "hsn/base -> uan/uan",
                "compute/compute -> slurm/compute",
                "uan/uan -> slurm/uan");
    }

    /**
     * A graph from {@code parent -> child} lines; a line with a single node adds it alone (a root
     * without children). Each node's playbook is {@code <layer>.yml} and its group the type.
     */
    public static LayerGraph of(String... lines) {
        Map<NodeId, Set<NodeId>> children = new LinkedHashMap<>();
        Set<NodeId> withParent = new LinkedHashSet<>();
        for (String line : lines) {
            String[] parts = line.split(" -> ");
            NodeId parent = NodeId.parse(parts[0].trim());
            children.computeIfAbsent(parent, k -> new LinkedHashSet<>());
            if (parts.length == 2) {
                NodeId child = NodeId.parse(parts[1].trim());
                children.get(parent).add(child);
                children.computeIfAbsent(child, k -> new LinkedHashSet<>());
                withParent.add(child);
            }
        }
        SourceLocation location = SourceLocation.of(FILE);
        Map<String, List<ImageTypeEntry>> entries = new LinkedHashMap<>();
        for (Map.Entry<NodeId, Set<NodeId>> node : children.entrySet()) {
            NodeId id = node.getKey();
            List<String> childLayers = node.getValue().stream().map(NodeId::layer).distinct().toList();
            entries.computeIfAbsent(id.layer(), k -> new ArrayList<>()).add(new ImageTypeEntry(
                    id.type(), !withParent.contains(id), null, List.of(id.type()), id.layer() + ".yml",
                    childLayers, location, location, Map.of()));
        }
        Map<String, Layer> layers = new LinkedHashMap<>();
        entries.forEach((name, types) -> layers.put(name, new Layer(name, null, List.copyOf(types), location)));
        LayersConfig config = new LayersConfig(FILE, null, layers, Settings.defaults());

        Map<NodeId, LayerNode> nodes = new LinkedHashMap<>();
        DirectedAcyclicGraph<NodeId, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        for (Layer layer : layers.values()) {
            for (ImageTypeEntry entry : layer.imageTypes()) {
                NodeId id = new NodeId(layer.name(), entry.type());
                nodes.put(id, new LayerNode(id, layer, entry));
                dag.addVertex(id);
            }
        }
        children.forEach((parent, kids) -> kids.forEach(child -> dag.addEdge(parent, child)));
        return new LayerGraph(config, nodes, dag);
    }
}
