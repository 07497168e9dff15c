package io.strata.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Makes sure a checkout knows the target branch of a merge request as
 * {@code refs/remotes/origin/<branch>}: a multibranch checkout often fetches only the branch it
 * builds. Runs git on the agent with argument vectors only; an abort kills it.
 */
final class RemoteBranch {

    private RemoteBranch() {
    }

    /** The ref a merge request's target branch is read from. */
    static String ref(String branch) {
        return "refs/remotes/origin/" + branch;
    }

    /**
     * Fetches {@code origin}'s branch into its remote-tracking ref when the checkout lacks it.
     *
     * @param repo the checkout, on this machine
     * @param branch a branch name checked by {@link StepArguments#checkBranch}
     * @throws AbortException when git is missing or the fetch fails
     */
    static void ensure(Path repo, String branch, EnvVars env, TaskListener listener) throws IOException, InterruptedException {
        Launcher launcher = new Launcher.LocalLauncher(listener);
        String ref = ref(branch);
        try {
            int known = launcher.launch().cmds("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}")
                    .envs(env).pwd(repo.toFile()).quiet(true).stdout(OutputStream.nullOutputStream()).join();
            if (known == 0) {
                return;
            }
            listener.getLogger().println(Messages.RemoteBranch_Fetching(branch, ref));
            int fetched = launcher.launch().cmds("git", "fetch", "--no-tags", "origin", "+refs/heads/" + branch + ":" + ref)
                    .envs(env).pwd(repo.toFile()).stdout(listener).join();
            if (fetched != 0) {
                throw new AbortException(Messages.RemoteBranch_FetchFailed(branch, fetched));
            }
        } catch (AbortException e) {
            throw e;
        } catch (IOException e) {
            throw new AbortException(Messages.RemoteBranch_NoGit(repo, e.getMessage()));
        }
    }
}
