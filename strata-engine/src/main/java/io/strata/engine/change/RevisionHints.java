package io.strata.engine.change;

import java.util.regex.Pattern;

/**
 * What to say about a revision that is not in a clone: a fetch command that works for its form
 * (a commit id, an expression beyond a shallow history, a remote-tracking branch, a branch or tag
 * name), and GitLab's all-zero "no previous commit" id.
 */
final class RevisionHints {

    /** GitLab's {@code CI_COMMIT_BEFORE_SHA} when there is no previous commit (a new branch, a first push). */
    static final String NO_COMMIT = "0".repeat(40);

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{7,64}");
    private static final Pattern ANCESTRY = Pattern.compile(".*[~^]\\d*$");

    private RevisionHints() {
    }

    /** Why the revision was not found, as the message's text. */
    static String problem(String revision) {
        if (revision.equals(NO_COMMIT)) {
            return "'" + revision + "' is GitLab's id for 'no previous commit' (a new branch or a first push), not a commit";
        }
        return "unknown revision '" + revision + "': it is not in this clone";
    }

    /** A command or choice that makes the revision resolvable, or what to give instead. */
    static String hint(String revision) {
        if (revision.equals(NO_COMMIT)) {
            return "compare with the merge base of the target branch instead (base origin/main, with the merge base), or build everything";
        }
        if (COMMIT_ID.matcher(revision).matches()) {
            return "deepen the clone until it holds the commit (git fetch --deepen=100 origin, or git fetch --unshallow origin;"
                    + " in GitLab set GIT_DEPTH: 0), or name a commit of this history";
        }
        if (ANCESTRY.matcher(revision).matches()) {
            return "the history of this clone is shorter than that: git fetch --deepen=100 origin (or git fetch --unshallow origin)";
        }
        String remote = revision.startsWith("refs/remotes/") ? revision.substring("refs/remotes/".length()) : revision;
        int slash = remote.indexOf('/');
        if (slash > 0 && remote.startsWith("origin/")) {
            String branch = remote.substring(slash + 1);
            return "fetch the branch: git fetch origin " + branch + ":refs/remotes/origin/" + branch;
        }
        return "fetch it: git fetch origin " + revision + ":refs/remotes/origin/" + revision + ", then pass origin/" + revision
                + " (or name a commit of this history)";
    }
}
