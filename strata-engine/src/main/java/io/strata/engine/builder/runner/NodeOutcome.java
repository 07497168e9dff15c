package io.strata.engine.builder.runner;

import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.contents.ImageChanges;
import io.strata.engine.graph.NodeId;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How one node of a run ended.
 *
 * @param node the node
 * @param status how it ended
 * @param duration how long its build ran (zero when it never started)
 * @param image the image it published or reused, or null
 * @param message why it failed, was skipped or cancelled ("" otherwise)
 * @param log its log file, or null when it never started
 * @param changes how a built node's image differs from the image it replaces, or null
 */
public record NodeOutcome(NodeId node, NodeStatus status, Duration duration, PublishedImage image, String message, Path log,
        ImageChanges changes) {

    /** A node the run never started because it was cancelled. */
    public static NodeOutcome notStarted(NodeId node) {
        return new NodeOutcome(node, NodeStatus.CANCELLED, Duration.ZERO, null, "not started: the build was cancelled", null, null);
    }
}
