package io.strata.engine.service;

import io.strata.engine.config.LayersConfig;
import io.strata.engine.plan.ImageNames;

/**
 * How built images are named and tagged; every field may be null.
 *
 * @param registry the registry, above the layers file's {@code settings.registry}
 * @param fallbackRegistry the registry when neither {@code registry} nor the layers file names one
 *     (a CI server's default), before {@code localhost}
 * @param tag the tag of built images; null: the first 12 characters of the analysed commit, or
 *     {@code dev} outside git
 * @param publishedTag the tag reused images are taken from; null: the layers file's
 *     {@code settings.published_tag}
 * @param mergeRequest the merge (pull) request being built, or null for a branch build: its
 *     builds publish immutable tags only (the input-digest tag and {@code mr-<id>}, the default
 *     tag), never the published tag, which only the target branch's build moves
 */
public record ImageOptions(String registry, String fallbackRegistry, String tag, String publishedTag, String mergeRequest) {

    /** Checks the merge request's id, which becomes part of a tag. */
    public ImageOptions {
        if (mergeRequest != null && !mergeRequest.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException("a merge request id has letters, digits, '_', '.' and '-' only, not '" + mergeRequest + "'");
        }
    }

    /** Options of a branch build. */
    public ImageOptions(String registry, String fallbackRegistry, String tag, String publishedTag) {
        this(registry, fallbackRegistry, tag, publishedTag, null);
    }

    /** Every default. */
    public static ImageOptions defaults() {
        return new ImageOptions(null, null, null, null);
    }

    /**
     * The registry built images are published to: the one given, else {@code settings.registry},
     * else the fallback; null when images stay in the local store (none, blank, or {@code localhost}).
     */
    public String targetRegistry(LayersConfig config) {
        String target = registry != null ? registry : config.settings().registry() != null ? config.settings().registry() : fallbackRegistry;
        return target == null || target.isBlank() || target.equals(ImageNames.LOCAL_REGISTRY) ? null : target;
    }

    /**
     * How built images are named: under {@link #targetRegistry}, else {@code localhost}.
     *
     * @throws io.strata.engine.config.ConfigException when the registry is no registry name
     */
    public ImageNames targetNames(LayersConfig config) {
        String target = targetRegistry(config);
        return ImageNames.of(config, target == null ? ImageNames.LOCAL_REGISTRY : target);
    }

    /** The tag built images get: the one given, else {@code mr-<id>} for a merge request, else {@code fallback}. */
    String tagOr(String fallback) {
        return tag != null ? tag : mergeRequest != null ? ImageNames.mergeRequestTag(mergeRequest) : fallback;
    }
}
