package io.strata.engine.impact;

import io.strata.engine.graph.NodeId;
import java.util.List;

/**
 * A node to rebuild.
 *
 * @param node the node
 * @param parent its parent, or null for a root
 * @param start whether the node is directly affected (not only through its parent)
 * @param reasons why, chained from changed files; {@code parent} alone when not {@code start}
 */
public record NodeImpact(NodeId node, NodeId parent, boolean start, List<Reason> reasons) {
}
