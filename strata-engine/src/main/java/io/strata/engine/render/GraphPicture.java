package io.strata.engine.render;

import io.strata.engine.graph.LayerGraph;
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.impact.NodeImpact;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What to draw: the layer graph, and optionally what a change rebuilds. With an impact, rebuilt
 * nodes are filled boxes (a stronger fill for directly affected ones) and reused nodes dotted
 * ovals, as in the figures of the layered-pipeline paper; without, every node is a plain box.
 *
 * @param graph the layer graph
 * @param impact the impact of a change on this graph, or null for the graph alone
 */
public record GraphPicture(LayerGraph graph, ImpactResult impact) {

    /**
     * Checks that the impact speaks of this graph.
     *
     * @throws IllegalArgumentException when the impact names a node the graph does not have
     */
    public GraphPicture {
        Objects.requireNonNull(graph, "graph");
        if (impact != null) {
            Stream.concat(impact.rebuild().stream().map(NodeImpact::node), impact.reuse().stream())
                    .filter(id -> !graph.contains(id))
                    .findFirst()
                    .ifPresent(id -> {
                        throw new IllegalArgumentException("the impact names node " + id + ", which is not in "
                                + graph.config().file());
                    });
        }
    }

    /** A picture of the graph alone. */
    public static GraphPicture of(LayerGraph graph) {
        return new GraphPicture(graph, null);
    }

    /** Whether the picture shows an impact (and so has a legend). */
    public boolean showsImpact() {
        return impact != null;
    }
}
