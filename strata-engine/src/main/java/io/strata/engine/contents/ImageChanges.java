package io.strata.engine.contents;

/**
 * What a rebuild changed in a node's image, against the image it replaces.
 *
 * @param packages its package changes, or null when the image has no package database
 * @param files its file changes
 */
public record ImageChanges(PackageChanges packages, FileChanges files) {

    /** The build table's form: {@code +3 -1 ~12 pkgs, 140 files}. */
    public String summary() {
        String count = files.count() + (files.count() == 1 ? " file" : " files");
        return packages == null ? count : packages.summary() + ", " + count;
    }
}
