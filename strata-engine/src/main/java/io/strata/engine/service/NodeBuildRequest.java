package io.strata.engine.service;

import io.strata.engine.graph.NodeId;
import java.nio.file.Path;

/**
 * One node to build on this machine, as a CI job's per-node step asks for it.
 *
 * @param site where the site is checked out
 * @param node the node
 * @param from the image to build FROM; null (or {@code scratch}) for a root
 * @param image the image repository to publish to; null: the site's naming
 * @param images the registry (null: {@code settings.registry}, then the fallback; {@code localhost}
 *     or none keeps the image in the local store), the tag (null: the checkout's commit) and the
 *     mutable tag moved to the image once published (null: {@code settings.published_tag})
 * @param storageDriver {@code auto}, {@code overlay} or {@code vfs}; null: {@code settings.build}
 * @param reuse whether an image already published with the same input digest is reused
 * @param workDir where logs ({@code logs/}) and scratch folders ({@code tmp/}) go
 */
public record NodeBuildRequest(SiteCheckout site, NodeId node, String from, String image, ImageOptions images,
        String storageDriver, boolean reuse, Path workDir) {
}
