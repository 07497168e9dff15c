package io.strata.engine.builder.runner;

import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.contents.ImageChanges;

/**
 * What a successful node build produced.
 *
 * @param status {@link NodeStatus#BUILT} or {@link NodeStatus#REUSED}
 * @param image the published image
 * @param changes how its image differs from the image it replaces, or null (reused, or unknown:
 *     an image could not be read)
 */
public record NodeResult(NodeStatus status, PublishedImage image, ImageChanges changes) {
}
