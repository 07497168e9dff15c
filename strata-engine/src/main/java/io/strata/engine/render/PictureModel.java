package io.strata.engine.render;

import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.impact.NodeImpact;
import io.strata.engine.impact.Reason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every renderer draws, worked out once from a {@link GraphPicture}: the nodes in build
 * order with their state and tooltip, the parent-to-child edges and the legend.
 *
 * @param nodes the nodes, parents before children: each tree depth first, siblings by name
 * @param edges the edges, in the order of their parents, then children by name
 * @param legend the legend's entries; empty for a picture without an impact
 */
record PictureModel(List<Node> nodes, List<Edge> edges, List<LegendEntry> legend) {

    /**
     * A node to draw.
     *
     * @param index its position in {@link #nodes()}, for identifiers such as {@code n3}
     * @param id the node
     * @param state how it is drawn
     * @param tooltip what it is and why it is (or is not) rebuilt, one fact a line
     */
    record Node(int index, NodeId id, NodeState state, String tooltip) {

        /** The text in the shape: {@code layer/type}. */
        String label() {
            return id.toString();
        }
    }

    /** An edge from the parent a node is built FROM to the node. */
    record Edge(Node parent, Node child) {
    }

    /** A legend line: a sample shape of {@code state} and its text. */
    record LegendEntry(NodeState state, String text) {
    }

    /** Works out the model of a picture. */
    static PictureModel of(GraphPicture picture) {
        LayerGraph graph = picture.graph();
        ImpactResult impact = picture.impact();
        Map<NodeId, NodeImpact> rebuilt = new HashMap<>();
        if (impact != null) {
            impact.rebuild().forEach(entry -> rebuilt.put(entry.node(), entry));
        }
        Map<NodeId, Node> nodes = new LinkedHashMap<>();
        Map<NodeState, Integer> counts = new HashMap<>();
        for (NodeId id : depthFirst(graph)) {
            NodeImpact entry = rebuilt.get(id);
            NodeState state = impact == null ? NodeState.PLAIN
                    : entry == null ? NodeState.REUSED
                    : entry.start() ? NodeState.START : NodeState.REBUILT;
            counts.merge(state, 1, Integer::sum);
            String why = state == NodeState.REUSED && impact.explanations() != null ? impact.explanations().get(id) : null;
            nodes.put(id, new Node(nodes.size(), id, state, tooltip(graph.node(id), state, entry, why)));
        }
        List<Edge> edges = new ArrayList<>();
        for (Node parent : nodes.values()) {
            graph.children(parent.id()).forEach(child -> edges.add(new Edge(parent, nodes.get(child))));
        }
        List<LegendEntry> legend = new ArrayList<>();
        if (impact != null) {
            for (NodeState state : List.of(NodeState.START, NodeState.REBUILT, NodeState.REUSED)) {
                legend.add(new LegendEntry(state, state.legendText() + " (" + counts.getOrDefault(state, 0) + ")"));
            }
        }
        return new PictureModel(List.copyOf(nodes.values()), List.copyOf(edges), List.copyOf(legend));
    }

    /**
     * The nodes tree by tree, each depth first with siblings by name: a build order in which a
     * layout that keeps the order draws no crossing.
     */
    private static List<NodeId> depthFirst(LayerGraph graph) {
        List<NodeId> order = new ArrayList<>();
        Deque<NodeId> stack = new ArrayDeque<>();
        List<NodeId> roots = graph.levels().isEmpty() ? List.of() : graph.levels().get(0);
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            NodeId id = stack.pop();
            order.add(id);
            new ArrayDeque<>(graph.children(id)).descendingIterator().forEachRemaining(stack::push);
        }
        return order;
    }

    /** The tooltip: the node, its state, the reasons it is rebuilt or why it is not, its definition. */
    private static String tooltip(LayerNode node, NodeState state, NodeImpact entry, String whyReused) {
        List<String> lines = new ArrayList<>();
        lines.add(node.id().toString());
        if (state != NodeState.PLAIN) {
            lines.add(state.legendText());
        }
        if (entry != null) {
            entry.reasons().forEach(reason -> lines.add("- " + describe(reason)));
        }
        if (whyReused != null) {
            lines.add("- " + whyReused);
        }
        if (node.playbook() != null) {
            lines.add("playbook: " + node.playbook() + (node.repo() == null ? "" : " in " + node.repo()));
        }
        if (!node.groups().isEmpty()) {
            lines.add("groups: " + String.join(", ", node.groups()));
        }
        return String.join("\n", lines);
    }

    private static String describe(Reason reason) {
        String detail = reason.detail() == null ? reason.kind() : reason.detail();
        if (reason.file() == null || detail.contains(reason.file())) {
            return detail;
        }
        return reason.file() + ": " + detail;
    }
}
