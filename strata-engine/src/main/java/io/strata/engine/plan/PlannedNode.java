package io.strata.engine.plan;

import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.Reason;
import java.util.List;

/**
 * A node to build and what its build needs.
 *
 * @param node the node
 * @param parent its parent, or null for a root
 * @param level its build level (0: nothing it needs is built in this plan)
 * @param start whether it is directly affected
 * @param reasons why it is built
 * @param image its image repository (without tag)
 * @param tag the tag it is built under
 * @param from the image to build FROM: the freshly built parent, the published one, or
 *     {@code scratch}
 * @param parentRebuilt whether {@code from} is built in this plan
 */
public record PlannedNode(
        NodeId node,
        NodeId parent,
        int level,
        boolean start,
        List<Reason> reasons,
        String image,
        String tag,
        String from,
        boolean parentRebuilt) {

    /** The image reference built: {@code image:tag}. */
    public String reference() {
        return image + ":" + tag;
    }
}
