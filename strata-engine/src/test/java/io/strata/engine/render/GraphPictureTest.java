package io.strata.engine.render;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphPictureTest {

    @Test
    void anImpactOfAnotherGraphIsRefused() {
        LayerGraph graph = Graphs.of(Graphs.CONTRACT);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new GraphPicture(graph, Impacts.of(List.of(), List.of(NodeId.parse("gpu/gpu")))));
        assertTrue(error.getMessage().contains("gpu/gpu"), error.getMessage());
    }
}
