package io.strata.engine.service;

import java.io.Serializable;
import java.util.List;

/**
 * What changed, in the terms a CI server or a user knows it. Each kind names the repository the
 * change is in: null for the repository holding the layers file, else a repository name of a
 * multi-repository site. Serializable, so that a CI server can decide it where the build's
 * history is and hand it to the machine that holds the checkout.
 */
public sealed interface ChangeSpec extends Serializable {

    /** The repository the change is in, or null for the layers file's. */
    String repo();

    /**
     * The difference between two revisions read from git.
     *
     * @param repo the repository, or null
     * @param base the base revision (any git revision expression)
     * @param head the head revision, or null for HEAD
     * @param mergeBase diff from the merge base of base and head (a merge request)
     */
    record Revisions(String repo, String base, String head, boolean mergeBase) implements ChangeSpec {
    }

    /**
     * What changed since a commit that an earlier build built. When that commit is no longer in
     * the checkout's history (a force-push, a shallow clone), what the earlier build used cannot
     * be known, so every node is rebuilt and a note says why.
     *
     * @param repo the repository, or null
     * @param commit the commit built before
     */
    record SinceBuilt(String repo, String commit) implements ChangeSpec {
    }

    /**
     * Changed paths only, relative to the repository's root; values cannot be compared.
     *
     * @param repo the repository, or null
     * @param paths the changed paths
     */
    record Paths(String repo, List<String> paths) implements ChangeSpec {

        /** Keeps an unmodifiable copy of the paths. */
        public Paths {
            paths = List.copyOf(paths);
        }
    }

    /** Every node is rebuilt. */
    record Everything() implements ChangeSpec {

        @Override
        public String repo() {
            return null;
        }
    }

    /** No change: only the nodes asked for with start-at are rebuilt. */
    record Nothing() implements ChangeSpec {

        @Override
        public String repo() {
            return null;
        }
    }
}
