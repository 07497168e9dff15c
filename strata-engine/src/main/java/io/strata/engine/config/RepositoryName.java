package io.strata.engine.config;

import java.util.Locale;

/**
 * How a name from the layers file becomes one component of an OCI repository name: lower-cased,
 * each run of characters a repository name does not allow turned into one {@code -}, and no
 * separator at either end. Different names can become the same component ({@code UAN} and
 * {@code uan}, {@code u a n} and {@code u-a-n}); validation refuses nodes whose images would.
 */
public final class RepositoryName {

    private RepositoryName() {
    }

    /** The last component of a node's image repository: {@code <layer>-<type>}, normalised. */
    public static String ofNode(String layer, String type) {
        return component(layer + "-" + type);
    }

    /** The repository-name component for a name (empty when it has no letter or digit). */
    public static String component(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return lower.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
    }
}
