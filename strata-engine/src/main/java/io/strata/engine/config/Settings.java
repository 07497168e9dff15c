package io.strata.engine.config;

import java.util.Map;

/**
 * The optional {@code settings:} extension mapping.
 *
 * @param registry the registry images are published to (host[:port][/path]), or null
 * @param publishedTag the mutable tag that marks the published image of each node
 * @param repos repository name to checkout directory, relative to the layers file's directory
 * @param raw the whole mapping as parsed, for builder options
 */
public record Settings(String registry, String publishedTag, Map<String, String> repos, Map<String, Object> raw) {

    /** The default published tag. */
    public static final String DEFAULT_PUBLISHED_TAG = "latest";

    /** Settings of a file that has none. */
    public static Settings defaults() {
        return new Settings(null, DEFAULT_PUBLISHED_TAG, Map.of(), Map.of());
    }
}
