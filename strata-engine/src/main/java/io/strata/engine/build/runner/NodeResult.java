package io.strata.engine.build.runner;

import io.strata.engine.build.publish.PublishedImage;

/**
 * What a successful node build produced.
 *
 * @param status {@link NodeStatus#BUILT} or {@link NodeStatus#REUSED}
 * @param image the published image
 */
public record NodeResult(NodeStatus status, PublishedImage image) {
}
