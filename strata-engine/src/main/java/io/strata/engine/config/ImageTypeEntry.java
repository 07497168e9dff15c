package io.strata.engine.config;

import java.util.List;
import java.util.Map;

/**
 * One entry of a layer's {@code image_types}: the definition of the node (layer, type).
 *
 * @param type the image type
 * @param firstLayer whether this is a root built from scratch
 * @param packages the package list file of a root, relative to the layers file's repository, or null
 * @param groups Ansible groups the build container joins
 * @param playbook the playbook, relative to the layer's repository, or null
 * @param children the child layer names
 * @param location where the entry starts
 * @param childrenLocation where {@code children} is written (the entry's location when absent)
 * @param buildInputs every key of the entry but {@code children}, as parsed (compared between
 *     revisions to decide whether the definition changed)
 */
public record ImageTypeEntry(
        String type,
        boolean firstLayer,
        String packages,
        List<String> groups,
        String playbook,
        List<String> children,
        SourceLocation location,
        SourceLocation childrenLocation,
        Map<String, Object> buildInputs) {
}
