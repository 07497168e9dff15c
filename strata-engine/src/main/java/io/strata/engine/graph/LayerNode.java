package io.strata.engine.graph;

import io.strata.engine.config.ImageTypeEntry;
import io.strata.engine.config.Layer;
import java.util.List;

/**
 * A node with its definition.
 *
 * @param id the node
 * @param layer its layer
 * @param entry its image type entry
 */
public record LayerNode(NodeId id, Layer layer, ImageTypeEntry entry) {

    /** The repository holding the playbook and roles, or null for the layers file's repository. */
    public String repo() {
        return layer.repo();
    }

    /** The Ansible groups the build container joins. */
    public List<String> groups() {
        return entry.groups();
    }

    /** The playbook path relative to the layer's repository, or null. */
    public String playbook() {
        return entry.playbook();
    }

    /** Whether this node is built from scratch. */
    public boolean isRoot() {
        return entry.firstLayer();
    }
}
