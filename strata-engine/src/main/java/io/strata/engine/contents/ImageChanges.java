package io.strata.engine.contents;

/**
 * What a rebuild changed in a node's image, against the image it replaces, and where its SBOM is.
 *
 * @param packages its package changes, or null when the image has no package database
 * @param files its file changes
 * @param sbom the SBOM file written for the new image ({@link Sbom}), or null when it has no package database
 */
public record ImageChanges(PackageChanges packages, FileChanges files, java.nio.file.Path sbom) {

    /** The build table's form: {@code +3 -1 ~12 pkgs, 140 files}. */
    public String summary() {
        String count = files.count() + (files.count() == 1 ? " file" : " files");
        return packages == null ? count : packages.summary() + ", " + count;
    }
}
