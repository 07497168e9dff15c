package io.strata.engine.plan;

import io.strata.engine.config.LayersConfig;
import io.strata.engine.graph.NodeId;
import java.util.Locale;

/**
 * Image names of nodes: {@code <registry>/<cluster_name_short>/<layer>-<type>}, lower-cased and
 * restricted to the characters an OCI repository name allows.
 *
 * @param registry the registry host[:port][/path]
 * @param cluster the cluster's short name
 */
public record ImageNames(String registry, String cluster) {

    /** The registry used when neither the settings nor the caller name one (buildah's local store). */
    public static final String LOCAL_REGISTRY = "localhost";

    /** Names for a site: the registry given, else the settings', else {@link #LOCAL_REGISTRY}. */
    public static ImageNames of(LayersConfig config, String registryOverride) {
        String registry = registryOverride != null ? registryOverride
                : config.settings().registry() != null ? config.settings().registry() : LOCAL_REGISTRY;
        String cluster = "site";
        if (config.inventory() != null) {
            if (config.inventory().clusterNameShort() != null) {
                cluster = config.inventory().clusterNameShort();
            } else if (config.inventory().clusterName() != null) {
                cluster = config.inventory().clusterName();
            }
        }
        return new ImageNames(trimSlashes(registry), component(cluster));
    }

    /** The repository of a node's image, without tag. */
    public String image(NodeId node) {
        return registry + "/" + cluster + "/" + component(node.layer() + "-" + node.type());
    }

    /** A full reference {@code image:tag}. */
    public String reference(NodeId node, String tag) {
        return image(node) + ":" + tag;
    }

    private static String component(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return lower.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
    }

    private static String trimSlashes(String text) {
        return text.replaceAll("/+$", "");
    }
}
