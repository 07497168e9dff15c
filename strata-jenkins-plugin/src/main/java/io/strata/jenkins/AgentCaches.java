package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Node;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Where {@code layerImpact} keeps its analysis cache on an agent: {@code STRATA_CACHE_DIR} of the
 * build's environment, else {@code caches/strata} under the agent's root folder, which every job
 * and branch on that agent shares (a workspace is one branch's).
 */
final class AgentCaches {

    /** The environment variable that chooses the folder. */
    static final String CACHE_DIR = "STRATA_CACHE_DIR";

    private AgentCaches() {
    }

    /** The cache folder on the agent the step runs on, or null when the agent has no root folder (offline). */
    static @CheckForNull String folder(StepContext context, EnvVars env) throws IOException, InterruptedException {
        String explicit = env.get(CACHE_DIR);
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        Computer computer = context.get(Computer.class);
        Node node = computer == null ? null : computer.getNode();
        FilePath root = node == null ? null : node.getRootPath();
        return root == null ? null : root.child("caches").child("strata").getRemote();
    }
}
