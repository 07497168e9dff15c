package io.strata.engine.config;

/**
 * The reserved {@code inventory:} key.
 *
 * @param path the inventory directory in the layers file's repository, or the name of the
 *     inventory repository in a multi-repository site
 * @param clusterName the cluster's name
 * @param clusterNameShort the short name used in image names
 * @param location where the key is written
 */
public record InventorySettings(String path, String clusterName, String clusterNameShort, SourceLocation location) {
}
