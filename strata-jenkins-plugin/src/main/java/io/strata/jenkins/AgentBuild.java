package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a node's build on the agent ended, in JDK types only (which the controller's class filter
 * accepts): the step's result, whether it succeeded, why not, and where its log is.
 */
final class AgentBuild implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> result;
    private final boolean succeeded;
    private final String failure;
    private final String log;

    /**
     * @param result the step's result (node, status, image, imageId, digest)
     * @param succeeded whether the node was built or reused
     * @param failure why it was not, or null
     * @param log its log, relative to the build's work folder, or null when it never started
     */
    AgentBuild(Map<String, Object> result, boolean succeeded, @CheckForNull String failure, @CheckForNull String log) {
        this.result = new LinkedHashMap<>(result);
        this.succeeded = succeeded;
        this.failure = failure;
        this.log = log;
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
}
