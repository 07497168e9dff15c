package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.strata.engine.service.ChangeSpec;
import java.util.Map;

/**
 * Which change a {@code layerImpact} call analyses. Arguments that say what changed win; without
 * them, a merge-request build diffs from the merge base with its target branch, a branch build
 * diffs from the last baseline commit of a successful build, and a first build builds everything.
 * A commit becomes a baseline only when its build covered every change up to it for every image
 * type: a build of a few nodes, of some paths or image types, or of a range a user chose, does
 * not move the baseline, so that no change is skipped.
 */
final class ChangeDefaults {

    /** The environment variable a multibranch merge-request build names its target branch in. */
    static final String CHANGE_TARGET = "CHANGE_TARGET";

    /** The environment variable a multibranch merge-request build names its change in (GitHub's PR number, GitLab's MR IID). */
    static final String CHANGE_ID = "CHANGE_ID";

    private ChangeDefaults() {
    }

    /**
     * The merge request a build builds, from {@value #CHANGE_ID}, as the tag-safe id of its
     * {@code mr-<id>} tag; null for a branch build. Its images never get the published tag.
     */
    @CheckForNull
    static String mergeRequest(Map<String, String> env) {
        String id = env.get(CHANGE_ID);
        return id == null || id.isBlank() ? null : id.replaceAll("[^A-Za-z0-9_.-]+", "-");
    }

    /**
     * A change and how it was chosen.
     *
     * @param spec the change
     * @param targetBranch the merge request's target branch, to fetch when missing; else null
     * @param description how it was chosen, for the log and the build page
     * @param baseline whether the commit analysed may be the base of later branch builds
     */
    record Choice(ChangeSpec spec, @CheckForNull String targetBranch, String description, boolean baseline) {
    }

    /**
     * Chooses the change for a step in a build.
     *
     * @throws AbortException when the merge request's target branch is no usable branch name
     */
    static Choice choose(LayerImpactStep step, EnvVars env, Run<?, ?> run) throws AbortException {
        String repo = step.getChangedRepo();
        boolean allTypes = step.getImageTypes() == null;
        if (step.isFull()) {
            return new Choice(new ChangeSpec.Everything(), null, Messages.ChangeDefaults_Full(), allTypes);
        }
        if (step.getBase() != null) {
            return new Choice(new ChangeSpec.Revisions(repo, step.getBase(), step.getHead(), step.isMergeBase()), null,
                    Messages.ChangeDefaults_Revisions(step.getBase(), step.getHead() == null ? "HEAD" : step.getHead(),
                            step.isMergeBase() ? Messages.ChangeDefaults_FromMergeBase() : ""), false);
        }
        if (step.getChangedFiles() != null) {
            return new Choice(new ChangeSpec.Paths(repo, step.getChangedFiles()), null,
                    Messages.ChangeDefaults_Paths(step.getChangedFiles().size()), false);
        }
        if (step.getStartAt() != null) {
            return new Choice(new ChangeSpec.Nothing(), null,
                    Messages.ChangeDefaults_StartAtOnly(String.join(", ", step.getStartAt())), false);
        }
        String target = env.get(CHANGE_TARGET);
        if (target != null && !target.isBlank()) {
            String problem = StepArguments.checkBranch(target);
            if (problem != null) {
                throw new AbortException(CHANGE_TARGET + ": " + problem);
            }
            return new Choice(new ChangeSpec.Revisions(repo, RemoteBranch.ref(target), null, true), target,
                    Messages.ChangeDefaults_MergeRequest(target), false);
        }
        for (Run<?, ?> earlier = run.getPreviousSuccessfulBuild(); earlier != null; earlier = earlier.getPreviousSuccessfulBuild()) {
            for (LayerImpactAction action : earlier.getActions(LayerImpactAction.class)) {
                if (action.recorded(step.getConfig(), repo)) {
                    return new Choice(new ChangeSpec.SinceBuilt(repo, action.getCommit()), null,
                            Messages.ChangeDefaults_SinceBuild(earlier.getDisplayName(), action.getCommit()), allTypes);
                }
            }
        }
        return new Choice(new ChangeSpec.Everything(), null, Messages.ChangeDefaults_FirstBuild(), allTypes);
    }
}
