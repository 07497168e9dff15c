package io.strata.engine.config;

import java.util.List;

/**
 * The reserved {@code inventory:} key.
 *
 * @param paths the inventory: one folder of the layers file's repository, or the name of the
 *     inventory repository in a multi-repository site; or several folders of the layers file's
 *     repository, read in order as Ansible reads repeated {@code -i} sources (a later one wins).
 *     Empty when the key names none.
 * @param clusterName the cluster's name
 * @param clusterNameShort the short name used in image names
 * @param location where the key is written
 */
public record InventorySettings(List<String> paths, String clusterName, String clusterNameShort, SourceLocation location) {

    /** Copies the paths. */
    public InventorySettings {
        paths = List.copyOf(paths);
    }

    /** The path as written: the one path, or the paths joined by ", "; null when none is given. */
    public String path() {
        return paths.isEmpty() ? null : String.join(", ", paths);
    }

    /** The name of the inventory repository this may name: the one path when there is exactly one, else null. */
    public String repoName() {
        return paths.size() == 1 ? paths.get(0) : null;
    }
}
