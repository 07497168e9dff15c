package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * One node {@code buildLayer} built (or reused) in a build, as the "Image changes" page lists it.
 * A plain class with final fields (not a record) because XStream stores it in {@code build.xml};
 * the full package and file changes stay in the archived record it names.
 */
public final class BuiltLayer {

    private final String node;
    private final String status;
    private final String changes;
    private final String record;
    private final String sbom;

    /**
     * @param node the node, {@code layer/type}
     * @param status how its build ended ({@code built}, {@code reused}, {@code failed} ...)
     * @param changes the summary of its changes ({@code +1 -0 ~2 pkgs, 5 files}), or null when unknown
     * @param record its archived record, relative to the build's artifacts
     * @param sbom its archived SBOM, or null
     */
    BuiltLayer(String node, String status, @CheckForNull String changes, String record, @CheckForNull String sbom) {
        this.node = node;
        this.status = status;
        this.changes = changes;
        this.record = record;
        this.sbom = sbom;
    }

    /** The node, {@code layer/type}. */
    public String getNode() {
        return node;
    }

    /** How its build ended. */
    public String getStatus() {
        return status;
    }

    /** The summary of its changes, or null when unknown (reused, failed, not compared). */
    public @CheckForNull String getChanges() {
        return changes;
    }

    /** Its archived record (result, package and file changes), relative to the build's artifacts. */
    public String getRecord() {
        return record;
    }

    /** Its archived SBOM, relative to the build's artifacts, or null. */
    public @CheckForNull String getSbom() {
        return sbom;
    }
}
