package io.strata.engine.builder.runner;

import io.strata.engine.builder.publish.PublishedImage;

/**
 * What a successful node build produced.
 *
 * @param status {@link NodeStatus#BUILT} or {@link NodeStatus#REUSED}
 * @param image the published image
 */
public record NodeResult(NodeStatus status, PublishedImage image) {
}
