package io.strata.engine.service;

import io.strata.engine.builder.BuildRequest;
import io.strata.engine.builder.BuildSession;
import io.strata.engine.builder.preflight.PreflightResult;
import io.strata.engine.builder.process.Cancellation;
import io.strata.engine.builder.runner.BuildProgress;
import io.strata.engine.config.ConfigException;
import java.util.Map;

/**
 * Runs planned builds on this machine, for every front-end: the command line's whole plans and,
 * through {@link NodeBuildService}, the Jenkins and GitLab jobs' single nodes. A run checks the
 * machine first, holds its work folder, cleans up after killed runs, and publishes nothing half
 * built (docs/build.md).
 */
public final class BuildService {

    private BuildService() {
    }

    /**
     * Checks the machine only.
     *
     * @throws ConfigException when a package list is invalid
     */
    public static PreflightResult preflight(BuildRequest request, Map<String, String> env) {
        return new BuildSession(env, new Cancellation()).preflight(request);
    }

    /**
     * Runs the build.
     *
     * @param env the environment; registry credentials come from it ({@code STRATA_REGISTRY_USER}
     *     and {@code STRATA_REGISTRY_PASSWORD}, else {@code REGISTRY_AUTH_FILE})
     * @param cancellation stops the build and cleans up when it fires
     * @param progress follows the build (log lines are masked)
     * @throws ConfigException when a package list is invalid (before anything runs)
     */
    public static BuildSession.Outcome run(BuildRequest request, Map<String, String> env, Cancellation cancellation,
            BuildProgress progress) {
        return new BuildSession(env, cancellation).run(request, progress);
    }
}
