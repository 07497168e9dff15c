package io.strata.engine.impact;

import io.strata.engine.graph.NodeId;
import java.util.List;
import java.util.Map;

/**
 * What a change set rebuilds (docs/layers-format.md section 4).
 *
 * @param base the base revision, or null
 * @param head the head revision, or null
 * @param changedFiles every changed path, sorted
 * @param rebuild the nodes to rebuild, parents before children
 * @param reuse the nodes reused as published, in build order
 * @param notes remarks for the reader, e.g. that value-level precision needs revisions
 * @param explanations for each reused node, why it is not rebuilt
 */
public record ImpactResult(
        String base,
        String head,
        List<String> changedFiles,
        List<NodeImpact> rebuild,
        List<NodeId> reuse,
        List<String> notes,
        Map<NodeId, String> explanations) {

    /** Whether every node is rebuilt. */
    public boolean isFullBuild() {
        return reuse.isEmpty();
    }
}
