package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a node's build on the agent ended, in JDK types only (which the controller's class filter
 * accepts): the step's result, whether it succeeded, why not, and where its log, its record (the
 * node's entry of docs/json.md, with its package and file changes) and its SBOM are.
 */
final class AgentBuild implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> result;
    private final boolean succeeded;
    private final String failure;
    private final String log;
    private final String record;
    private final String sbom;

    /**
     * @param result the step's result (node, status, image, imageId, digest, changes)
     * @param succeeded whether the node was built or reused
     * @param failure why it was not, or null
     * @param files where its log, record and SBOM are, each relative to the build's work folder or null
     */
    AgentBuild(Map<String, Object> result, boolean succeeded, @CheckForNull String failure, Outputs files) {
        this.result = new LinkedHashMap<>(result);
        this.succeeded = succeeded;
        this.failure = failure;
        this.log = files.log();
        this.record = files.record();
        this.sbom = files.sbom();
    }

    /**
     * A build's files, relative to its work folder.
     *
     * @param log its log, or null when it never started
     * @param record its entry of {@code result.json} as a file, or null when it never started
     * @param sbom the built image's SBOM, or null when none was made
     */
    record Outputs(@CheckForNull String log, @CheckForNull String record, @CheckForNull String sbom) {

        /** No files: a build that never started. */
        static final Outputs NONE = new Outputs(null, null, null);
    }

    Map<String, Object> getResult() {
        return result;
    }

    boolean isSucceeded() {
        return succeeded;
    }

    @CheckForNull String getFailure() {
        return failure;
    }

    @CheckForNull String getLog() {
        return log;
    }

    @CheckForNull String getRecord() {
        return record;
    }

    @CheckForNull String getSbom() {
        return sbom;
    }
}
