package io.strata.engine.builder;

/**
 * Where the site's sources come from, for the images' provenance labels.
 *
 * @param repository the repository's URL (e.g. its {@code origin}), or null when unknown
 * @param revision the commit built (with {@code -dirty} when the checkout had changes), or null
 */
public record SourceInfo(String repository, String revision) {

    /** Nothing known. */
    public static final SourceInfo UNKNOWN = new SourceInfo(null, null);

    /** The tag of a build of this checkout: its commit (first 12 characters, {@code -dirty} kept), else {@code dev}. */
    public String defaultTag() {
        if (revision == null) {
            return "dev";
        }
        boolean dirty = revision.endsWith("-dirty");
        String commit = dirty ? revision.substring(0, revision.length() - "-dirty".length()) : revision;
        return commit.substring(0, Math.min(12, commit.length())) + (dirty ? "-dirty" : "");
    }
}
