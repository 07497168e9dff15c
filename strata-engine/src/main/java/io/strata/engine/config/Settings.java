package io.strata.engine.config;

import java.util.Map;
import java.util.Set;

/**
 * The optional {@code settings:} extension mapping.
 *
 * @param registry the registry images are published to (host[:port][/path]), or null
 * @param publishedTag the mutable tag that marks the published image of each node
 * @param repos repository name to checkout directory, relative to the layers file's directory
 * @param raw the whole mapping as parsed, for builder options
 * @param locations where each key of the mapping is written, by dotted path ({@code build.jobs});
 *     {@code ""} is the mapping itself
 */
public record Settings(String registry, String publishedTag, Map<String, String> repos, Map<String, Object> raw,
        Map<String, SourceLocation> locations) {

    /** The keys a {@code settings:} mapping may hold. */
    public static final Set<String> KEYS = Set.of("registry", "published_tag", "repos", "build");

    /** The default published tag. */
    public static final String DEFAULT_PUBLISHED_TAG = "latest";

    /** Settings of a file that has none. */
    public static Settings defaults() {
        return new Settings(null, DEFAULT_PUBLISHED_TAG, Map.of(), Map.of(), Map.of());
    }

    /**
     * Where a key is written: the dotted path's own location, else its nearest written parent's,
     * else the file's.
     */
    public SourceLocation location(String file, String path) {
        String key = path;
        while (true) {
            SourceLocation location = locations.get(key);
            if (location != null) {
                return location;
            }
            if (key.isEmpty()) {
                return SourceLocation.of(file);
            }
            int dot = key.lastIndexOf('.');
            key = dot < 0 ? "" : key.substring(0, dot);
        }
    }
}
