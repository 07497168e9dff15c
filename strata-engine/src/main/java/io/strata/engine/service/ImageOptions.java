package io.strata.engine.service;

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
 */
public record ImageOptions(String registry, String fallbackRegistry, String tag, String publishedTag) {

    /** Every default. */
    public static ImageOptions defaults() {
        return new ImageOptions(null, null, null, null);
    }
}
