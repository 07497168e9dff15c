package io.strata.engine.graph;

import io.strata.engine.config.LayersConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The validated DAG of nodes: every non-root node has exactly one parent. Built by
 * {@link LayerGraphBuilder}.
 */
public final class LayerGraph {

    private final LayersConfig config;
    private final Map<NodeId, LayerNode> nodes;
    private final DirectedAcyclicGraph<NodeId, DefaultEdge> dag;
    private final List<List<NodeId>> levels;
    private final List<NodeId> order;

    LayerGraph(LayersConfig config, Map<NodeId, LayerNode> nodes, DirectedAcyclicGraph<NodeId, DefaultEdge> dag) {
        this.config = config;
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.dag = dag;
        this.levels = levelsOf(dag);
        this.order = levels.stream().flatMap(List::stream).toList();
    }

    /** Nodes by depth (roots first), each level sorted by name. */
    private static List<List<NodeId>> levelsOf(DirectedAcyclicGraph<NodeId, DefaultEdge> dag) {
        Map<NodeId, Integer> depth = new HashMap<>();
        List<List<NodeId>> levels = new ArrayList<>();
        TopologicalOrderIterator<NodeId, DefaultEdge> topo = new TopologicalOrderIterator<>(dag, NodeId::compareTo);
        while (topo.hasNext()) {
            NodeId id = topo.next();
            int d = dag.incomingEdgesOf(id).stream().map(dag::getEdgeSource).mapToInt(p -> depth.get(p) + 1).max().orElse(0);
            depth.put(id, d);
            while (levels.size() <= d) {
                levels.add(new ArrayList<>());
            }
            levels.get(d).add(id);
        }
        levels.forEach(Collections::sort);
        return levels.stream().map(List::copyOf).toList();
    }

    /** The configuration the graph was built from. */
    public LayersConfig config() {
        return config;
    }

    /** Every node, in a build order: level by level (parents first), by name within a level. */
    public List<NodeId> topologicalOrder() {
        return order;
    }

    /** The definition of a node. */
    public LayerNode node(NodeId id) {
        LayerNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id + " in " + config.file());
        }
        return node;
    }

    /** Whether the graph has this node. */
    public boolean contains(NodeId id) {
        return nodes.containsKey(id);
    }

    /** The parent a node is built FROM; empty for a root. */
    public Optional<NodeId> parent(NodeId id) {
        return dag.incomingEdgesOf(id).stream().map(dag::getEdgeSource).findFirst();
    }

    /** The nodes built FROM this one, sorted. */
    public Set<NodeId> children(NodeId id) {
        Set<NodeId> children = new TreeSet<>();
        dag.outgoingEdgesOf(id).forEach(edge -> children.add(dag.getEdgeTarget(edge)));
        return children;
    }

    /** Every node below this one. */
    public Set<NodeId> descendants(NodeId id) {
        return new TreeSet<>(dag.getDescendants(id));
    }

    /** Every node above this one. */
    public Set<NodeId> ancestors(NodeId id) {
        return new TreeSet<>(dag.getAncestors(id));
    }

    /**
     * The nodes in levels: level 0 holds the roots, level k the nodes whose parent is in level
     * k-1. Each level depends only on earlier ones.
     */
    public List<List<NodeId>> levels() {
        return levels;
    }
}
