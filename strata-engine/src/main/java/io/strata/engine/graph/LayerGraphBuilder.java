package io.strata.engine.graph;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.ImageTypeEntry;
import io.strata.engine.config.Layer;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.LayersConfigParser;
import io.strata.engine.config.ParsedLayers;
import io.strata.engine.config.Problem;
import io.strata.engine.config.RepositoryName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * Builds the node graph from a parsed layers file and checks the rules of docs/layers-format.md section 2:
 * unknown children, cycles, and exactly one parent per non-root node.
 */
public final class LayerGraphBuilder {

    /** A file's name and content: the key of the graphs read recently. */
    private record Source(String file, byte[] bytes, int hash) {

        Source(String file, byte[] bytes) {
            this(file, bytes.clone(), Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Source source && source.hash == hash && source.file.equals(file)
                    && Arrays.equals(source.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash * 31 + file.hashCode();
        }
    }

    /**
     * The graphs of the last few valid files read (graphs are immutable). One command reads the
     * same layers file up to three times: as checked out, at the head and at the base revision.
     */
    private static final Map<Source, LayerGraph> RECENT = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Source, LayerGraph> eldest) {
            return size() > 4;
        }
    });

    private LayerGraphBuilder() {
    }

    /**
     * Reads a layers file and builds its graph, reporting the file's problems and the graph's
     * broken rules together. A content read before gives the same graph without parsing again.
     *
     * @throws ConfigException with every problem, in file order
     */
    public static LayerGraph load(String file, byte[] bytes) {
        Source source = new Source(file, bytes);
        LayerGraph graph = RECENT.get(source);
        if (graph == null) {
            ParsedLayers parsed = LayersConfigParser.read(file, bytes);
            graph = build(parsed.config(), parsed.problems());
            RECENT.put(source, graph);
        }
        return graph;
    }

    /**
     * Builds the graph.
     *
     * @throws ConfigException with every rule broken, each located in the file
     */
    public static LayerGraph build(LayersConfig config) {
        return build(config, List.of());
    }

    private static LayerGraph build(LayersConfig config, List<Problem> earlier) {
        List<Problem> problems = new ArrayList<>(earlier);
        Map<NodeId, LayerNode> nodes = new LinkedHashMap<>();
        for (Layer layer : config.layers().values()) {
            for (ImageTypeEntry entry : layer.imageTypes()) {
                NodeId id = new NodeId(layer.name(), entry.type());
                nodes.put(id, new LayerNode(id, layer, entry));
            }
        }
        reportImageCollisions(nodes, problems);
        Map<NodeId, Set<NodeId>> candidates = candidateParents(config, nodes, problems);
        DefaultDirectedGraph<NodeId, DefaultEdge> all = new DefaultDirectedGraph<>(DefaultEdge.class);
        nodes.keySet().forEach(all::addVertex);
        candidates.forEach((child, parents) -> parents.forEach(parent -> all.addEdge(parent, child)));
        reportCycles(all, nodes, problems);
        for (LayerNode node : nodes.values()) {
            Set<NodeId> parents = candidates.getOrDefault(node.id(), Set.of());
            if (node.isRoot() && !parents.isEmpty()) {
                problems.add(new Problem(node.entry().location(), "firstlayer", "root " + node.id()
                        + " is also listed as a child of " + names(parents),
                        "remove it from the parent's children, or drop firstlayer"));
            } else if (!node.isRoot() && parents.isEmpty()) {
                problems.add(new Problem(node.entry().location(), "type", "node " + node.id()
                        + " has no parent: no layer lists '" + node.id().layer() + "' in its children for this type",
                        "add '" + node.id().layer() + "' to the children of its parent layer, or set firstlayer: True"));
            } else if (parents.size() > 1) {
                problems.add(new Problem(node.entry().location(), "children", "node " + node.id()
                        + " has " + parents.size() + " candidate parents: " + names(parents)
                        + "; a layer image is built FROM one parent",
                        "list '" + node.id().layer() + "' in the children of only one of them, or give the layer an entry of each parent's type"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((Problem p) -> p.location().line()).thenComparingInt(p -> p.location().column()));
            throw new ConfigException(problems);
        }
        DirectedAcyclicGraph<NodeId, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        nodes.keySet().forEach(dag::addVertex);
        candidates.forEach((child, parents) -> dag.addEdge(parents.iterator().next(), child));
        return new LayerGraph(config, nodes, dag);
    }

    /**
     * Nodes whose images would share one repository: {@code UAN} and {@code uan}, or {@code u a n}
     * and {@code u-a-n}, normalise to the same name, and both builds would push to it and move its
     * tags. Also a node whose name has nothing to make an image name of.
     */
    private static void reportImageCollisions(Map<NodeId, LayerNode> nodes, List<Problem> problems) {
        Map<String, LayerNode> byRepository = new LinkedHashMap<>();
        for (LayerNode node : nodes.values()) {
            String repository = RepositoryName.ofNode(node.id().layer(), node.id().type());
            LayerNode first = byRepository.putIfAbsent(repository, node);
            if (repository.isEmpty()) {
                problems.add(new Problem(node.entry().location(), "name", "node " + node.id()
                        + " has no letter or digit in its layer and type names, so its image has no name",
                        "rename the layer with letters or digits"));
            } else if (first != null) {
                problems.add(new Problem(node.entry().location(), "name", "nodes " + first.id() + " ("
                        + first.entry().location() + ") and " + node.id() + " (" + node.entry().location()
                        + ") would both publish the image '" + repository + "': image names are lower-cased and"
                        + " characters other than letters, digits, '.', '_' and '-' become '-'",
                        "rename one of the layers (or image types) so that their image names differ"));
            }
        }
    }

    /** For each node, the entries whose children lists lead to it (docs/layers-format.md section 2). */
    private static Map<NodeId, Set<NodeId>> candidateParents(LayersConfig config, Map<NodeId, LayerNode> nodes, List<Problem> problems) {
        Map<NodeId, Set<NodeId>> candidates = new TreeMap<>();
        // Same-type edges first: they decide which child entries have a same-type parent.
        List<CrossTypeLink> crossType = new ArrayList<>();
        for (LayerNode parent : nodes.values()) {
            for (String childName : parent.entry().children()) {
                Layer child = config.layers().get(childName);
                if (child == null) {
                    problems.add(new Problem(parent.entry().childrenLocation(), "children", "layer " + parent.id()
                            + " lists child '" + childName + "', which is not a layer" + suggestion(childName, config),
                            "add a top-level layer '" + childName + "' or remove it from children"));
                    continue;
                }
                NodeId sameType = new NodeId(childName, parent.id().type());
                if (nodes.containsKey(sameType)) {
                    candidates.computeIfAbsent(sameType, k -> new TreeSet<>()).add(parent.id());
                } else {
                    crossType.add(new CrossTypeLink(parent.id(), child));
                }
            }
        }
        Set<NodeId> sameTypeChildren = Set.copyOf(candidates.keySet());
        for (CrossTypeLink link : crossType) {
            for (ImageTypeEntry entry : link.child().imageTypes()) {
                NodeId target = new NodeId(link.child().name(), entry.type());
                if (!sameTypeChildren.contains(target)) {
                    candidates.computeIfAbsent(target, k -> new TreeSet<>()).add(link.parent());
                }
            }
        }
        return candidates;
    }

    /** A parent entry listing a child layer that has no entry of the parent's type. */
    private record CrossTypeLink(NodeId parent, Layer child) {
    }

    private static void reportCycles(DefaultDirectedGraph<NodeId, DefaultEdge> graph, Map<NodeId, LayerNode> nodes, List<Problem> problems) {
        CycleDetector<NodeId, DefaultEdge> detector = new CycleDetector<>(graph);
        if (!detector.detectCycles()) {
            return;
        }
        Set<NodeId> reported = new TreeSet<>();
        for (NodeId start : new TreeSet<>(detector.findCycles())) {
            if (reported.contains(start)) {
                continue;
            }
            List<NodeId> cycle = cycleThrough(graph, start);
            reported.addAll(cycle);
            String path = cycle.stream().map(NodeId::toString).collect(Collectors.joining(" -> ")) + " -> " + cycle.get(0);
            LayerNode last = nodes.get(cycle.get(cycle.size() - 1));
            problems.add(new Problem(last.entry().childrenLocation(), "children", "cycle: " + path,
                    "a layer cannot be built on its own descendant; remove '" + cycle.get(0).layer()
                            + "' from the children of layer '" + last.id().layer() + "'"));
        }
    }

    /** A shortest cycle through {@code start}, found by a breadth-first search back to it. */
    private static List<NodeId> cycleThrough(DefaultDirectedGraph<NodeId, DefaultEdge> graph, NodeId start) {
        Map<NodeId, NodeId> previous = new LinkedHashMap<>();
        List<NodeId> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
            List<NodeId> next = new ArrayList<>();
            for (NodeId node : frontier) {
                for (DefaultEdge edge : graph.outgoingEdgesOf(node)) {
                    NodeId target = graph.getEdgeTarget(edge);
                    if (target.equals(start)) {
                        List<NodeId> cycle = new ArrayList<>();
                        for (NodeId at = node; at != null; at = previous.get(at)) {
                            cycle.add(0, at);
                        }
                        return cycle;
                    }
                    if (!previous.containsKey(target)) {
                        previous.put(target, node);
                        next.add(target);
                    }
                }
            }
            frontier = next;
        }
        return List.of(start);
    }

    private static String names(Set<NodeId> ids) {
        return ids.stream().map(NodeId::toString).collect(Collectors.joining(" and "));
    }

    private static String suggestion(String name, LayersConfig config) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : config.layers().keySet()) {
            int distance = editDistance(name, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
