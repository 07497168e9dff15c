package io.strata.engine.render;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.elk.alg.layered.options.FixedAlignment;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places nodes and routes edges top to bottom with Eclipse ELK's layered (Sugiyama) algorithm.
 * ELK's meta data is loaded on the first layout only, so commands that draw nothing do not pay
 * for it.
 */
final class LayeredLayout {

    /** Space around the drawing. */
    static final double PADDING = 16;

    private LayeredLayout() {
    }

    /** A node's place: top-left corner and size. */
    record Box(double x, double y, double width, double height) {

        double centerX() {
            return x + width / 2;
        }

        double centerY() {
            return y + height / 2;
        }
    }

    /** A point of an edge's route. */
    record Point(double x, double y) {
    }

    /**
     * The layout.
     *
     * @param width the drawing's width, padding included
     * @param height the drawing's height, padding included
     * @param boxes the nodes' boxes, in the order of the sizes given
     * @param routes the edges' routes from source to target, in the order of the edges given
     */
    record Result(double width, double height, List<Box> boxes, List<List<Point>> routes) {
    }

    /** A node's size. */
    record Size(double width, double height) {
    }

    /** An edge between the nodes at these positions of the size list. */
    record Link(int source, int target) {
    }

    /** Lays out nodes of the given sizes joined by the given edges. */
    static Result layout(List<Size> sizes, List<Link> links) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(PADDING));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 22.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 44.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        // One port per side: a parent's edges leave together from the middle of its bottom side,
        // like the branches of a tree.
        root.setProperty(LayeredOptions.MERGE_EDGES, true);
        // Parents centred over their children; siblings and separate trees in the order given,
        // which for a forest given in depth-first order draws no crossing.
        root.setProperty(LayeredOptions.NODE_PLACEMENT_BK_FIXED_ALIGNMENT, FixedAlignment.BALANCED);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_FORCE_NODE_MODEL_ORDER, true);
        // Separate trees side by side with their roots on the top row, not packed into a square.
        root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        List<ElkNode> nodes = new ArrayList<>();
        for (Size size : sizes) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setDimensions(size.width(), size.height());
            nodes.add(node);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Link link : links) {
            edges.add(ElkGraphUtil.createSimpleEdge(nodes.get(link.source()), nodes.get(link.target())));
        }
        Engine.INSTANCE.layout(root, new BasicProgressMonitor());
        List<Box> boxes = nodes.stream()
                .map(node -> new Box(node.getX(), node.getY(), node.getWidth(), node.getHeight()))
                .toList();
        List<List<Point>> routes = edges.stream().map(LayeredLayout::route).toList();
        return new Result(root.getWidth(), root.getHeight(), boxes, routes);
    }

    /** The points of an edge, in the coordinates of the graph (the edge's container is the root). */
    private static List<Point> route(ElkEdge edge) {
        List<Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new Point(section.getStartX(), section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Point(bend.getX(), bend.getY()));
            }
            points.add(new Point(section.getEndX(), section.getEndY()));
        }
        return List.copyOf(points);
    }

    /** The layout engine, set up on first use: loading ELK's meta data takes a moment. */
    private static final class Engine {

        static final RecursiveGraphLayoutEngine INSTANCE = start();

        private static RecursiveGraphLayoutEngine start() {
            LayoutMetaDataService service = LayoutMetaDataService.getInstance();
            // ELK finds its algorithms with ServiceLoader through the context class loader: that
            // works on a plain class path, not always in a shaded jar or a Jenkins plugin's class
            // loader, so the layered algorithm is registered by hand when it was not found.
            if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
                service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            }
            return new RecursiveGraphLayoutEngine();
        }
    }
}
