package io.strata.engine.plan;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Problem;
import io.strata.engine.config.RepositoryName;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.graph.NodeId;
import java.util.regex.Pattern;

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

    /** A registry: host (name, IPv4 or [IPv6]), optional port, optional lower-case path. */
    private static final Pattern REGISTRY = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?"
            + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");

    /** A tag, as the OCI distribution specification allows it. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    /**
     * Names for a site: the registry given, else the settings', else {@link #LOCAL_REGISTRY}.
     *
     * @throws ConfigException when the registry is no registry name
     */
    public static ImageNames of(LayersConfig config, String registryOverride) {
        String registry = registryOverride != null ? registryOverride
                : config.settings().registry() != null ? config.settings().registry() : LOCAL_REGISTRY;
        checkRegistry(registryOverride != null ? SourceLocation.of("the registry given")
                : config.settings().location(config.file(), "registry"), trimSlashes(registry));
        String cluster = "site";
        if (config.inventory() != null) {
            if (config.inventory().clusterNameShort() != null) {
                cluster = config.inventory().clusterNameShort();
            } else if (config.inventory().clusterName() != null) {
                cluster = config.inventory().clusterName();
            }
        }
        return new ImageNames(trimSlashes(registry), RepositoryName.component(cluster));
    }

    /** The repository of a node's image, without tag. */
    public String image(NodeId node) {
        return registry + "/" + repository(node);
    }

    /** A node's repository below the registry: {@code <cluster>/<layer>-<type>}. */
    public String repository(NodeId node) {
        return cluster + "/" + RepositoryName.ofNode(node.layer(), node.type());
    }

    /** A full reference {@code image:tag}. */
    public String reference(NodeId node, String tag) {
        return image(node) + ":" + tag;
    }

    /**
     * Refuses a registry that no image reference can hold, with what to write instead.
     *
     * @param where where the value was given (an option or the settings key)
     * @throws ConfigException when it is no {@code host[:port][/path]}
     */
    public static void checkRegistry(SourceLocation where, String registry) {
        if (REGISTRY.matcher(registry).matches()) {
            return;
        }
        String hint = registry.contains("://") ? "drop the scheme: write " + registry.substring(registry.indexOf("://") + 3)
                : "write host[:port][/path], e.g. registry.example.org:5000/hpc (the path in lower case)";
        throw new ConfigException(new Problem(where, registry, "'" + registry + "' is not a registry name", hint));
    }

    /** The tag a merge request's images get: {@code mr-<id>}, its own, never the published tag. */
    public static String mergeRequestTag(String id) {
        return "mr-" + id;
    }

    /**
     * Refuses a tag that registries do not accept.
     *
     * @param option the option or setting that gave it, for the message
     * @throws ConfigException when it is not a tag
     */
    public static void checkTag(String option, String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new ConfigException(new Problem(SourceLocation.of(option), String.valueOf(tag), "'" + tag + "' is not an image tag",
                    "a tag has letters, digits, '_', '.' and '-' (at most 128, not starting with '.' or '-')"));
        }
    }

    private static String trimSlashes(String text) {
        return text.replaceAll("/+$", "");
    }
}
