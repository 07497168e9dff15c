package io.strata.engine.builder.runner;

import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.contents.PackageChanges;

/**
 * What a successful node build produced.
 *
 * @param status {@link NodeStatus#BUILT} or {@link NodeStatus#REUSED}
 * @param image the published image
 * @param packages how its packages differ from the image it replaces, or null (reused, or unknown:
 *     no package database to read)
 */
public record NodeResult(NodeStatus status, PublishedImage image, PackageChanges packages) {
}
