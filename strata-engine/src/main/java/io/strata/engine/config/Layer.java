package io.strata.engine.config;

import java.util.List;

/**
 * A layer of {@code layers.yaml}.
 *
 * @param name the top-level key
 * @param repo the configuration repository holding its playbook and roles, or null for the
 *     repository of the layers file
 * @param imageTypes its entries, one per image type
 * @param location where the layer's key is written
 */
public record Layer(String name, String repo, List<ImageTypeEntry> imageTypes, SourceLocation location) {
}
