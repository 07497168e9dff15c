package io.strata.engine.builder.runner;

import io.strata.engine.graph.NodeId;

/**
 * One node to build.
 *
 * @param node the node
 * @param parent its parent node, or null for a root
 * @param image the image repository it is published to (without tag)
 * @param tag the run's tag
 * @param from the image it is built FROM when its parent is not built in the same run
 *     ({@code scratch} for a root)
 */
public record NodeJob(NodeId node, NodeId parent, String image, String tag, String from) {

    /** A file-name-safe form of the node: {@code slurm-compute}. */
    public String slug() {
        return (node.layer() + "-" + node.type()).replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
