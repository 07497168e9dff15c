package io.strata.engine.gitlab;

import java.util.List;
import java.util.Objects;

/**
 * How a generated child pipeline runs its jobs.
 *
 * @param strata the default value of the pipeline variable {@code STRATA}, the command each job
 *     runs (split on blanks by the job's shell, e.g. {@code java -jar /opt/strata.jar}); a project,
 *     trigger or runner variable {@code STRATA} overrides it
 * @param config the layers file each job passes as {@code --config}, as seen from the job's
 *     working directory (the project checkout)
 * @param jobImage the container image the jobs run in, or null for the runner's default
 * @param runnerTags the runner tags that pick the runners able to build images (may be empty)
 * @param registry the registry the jobs publish to ({@code host[:port][/path]}), or null when the
 *     images stay in each runner's local store
 * @param mergeRequest the merge request's IID when the pipeline builds one (its jobs publish
 *     immutable tags only), or null for a branch pipeline (its jobs move the published tag)
 * @param repositories the other repositories of a multi-repository site, each checked out by the
 *     jobs at the commit the plan was made from (empty for a single-repository site)
 */
public record GitLabOptions(String strata, String config, String jobImage, List<String> runnerTags, String registry,
        String mergeRequest, List<Repository> repositories) {

    /**
     * A repository the jobs check out.
     *
     * @param name its name in the layers file
     * @param url where the jobs fetch it from (no credentials: GitLab jobs authenticate with their job token)
     * @param commit the commit the plan was made from
     */
    public record Repository(String name, String url, String commit) {
    }

    /** The command jobs run when no {@code STRATA} variable says otherwise. */
    public static final String DEFAULT_STRATA = "strata";

    /** The layers file jobs use when none is named. */
    public static final String DEFAULT_CONFIG = "layers.yaml";

    /** Checks the values; {@code runnerTags} is copied. */
    public GitLabOptions {
        Objects.requireNonNull(strata, "strata");
        Objects.requireNonNull(config, "config");
        if (strata.isBlank()) {
            throw new IllegalArgumentException("the STRATA command must not be blank");
        }
        runnerTags = List.copyOf(runnerTags);
        repositories = List.copyOf(repositories);
        if (mergeRequest != null && !mergeRequest.matches("[0-9]+")) {
            throw new IllegalArgumentException("a merge request IID is a number, not '" + mergeRequest + "'");
        }
    }

    /** Options for a branch pipeline whose images stay in the runners' stores. */
    public GitLabOptions(String strata, String config, String jobImage, List<String> runnerTags) {
        this(strata, config, jobImage, runnerTags, null, null, List.of());
    }

    /** Options for a single-repository site. */
    public GitLabOptions(String strata, String config, String jobImage, List<String> runnerTags, String registry, String mergeRequest) {
        this(strata, config, jobImage, runnerTags, registry, mergeRequest, List.of());
    }


    /** Jobs that run {@value #DEFAULT_STRATA} on {@value #DEFAULT_CONFIG} on any runner. */
    public static GitLabOptions defaults() {
        return new GitLabOptions(DEFAULT_STRATA, DEFAULT_CONFIG, null, List.of());
    }
}
