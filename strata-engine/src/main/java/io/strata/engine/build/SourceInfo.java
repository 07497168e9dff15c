package io.strata.engine.build;

/**
 * Where the site's sources come from, for the images' provenance labels.
 *
 * @param repository the repository's URL (e.g. its {@code origin}), or null when unknown
 * @param revision the commit built (with {@code -dirty} when the checkout had changes), or null
 */
public record SourceInfo(String repository, String revision) {

    /** Nothing known. */
    public static final SourceInfo UNKNOWN = new SourceInfo(null, null);
}
