package io.strata.engine.service;

import io.strata.engine.builder.SourceInfo;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The one rule for the tag a run gives the images it builds when none is asked for, shared by
 * {@code strata plan}, {@code strata build}, the Jenkins steps and the generated GitLab jobs, so
 * that a plan names exactly the tags its build writes.
 */
public final class RunTags {

    /** How many hex digits of a commit id a tag carries. */
    static final int SHORT_ID = 12;

    private RunTags() {
    }

    /**
     * The default tag: the short id of the head revision a change was analysed at, when the change
     * names one; else the checkout's commit (its short id, with {@code -dirty} when its files differ
     * from it); else {@code dev} outside git.
     *
     * @param analysedHead the change's head commit id, or null (a full build, listed paths, the work tree)
     * @param checkout the checkout the run reads, as {@link #source} describes it; asked only
     *     without a head, since describing it runs {@code git status} over the whole work tree
     */
    public static String defaultTag(String analysedHead, Supplier<SourceInfo> checkout) {
        return analysedHead != null ? analysedHead.substring(0, SHORT_ID) : checkout.get().defaultTag();
    }

    /** The checkout's {@code origin} URL and commit ({@code -dirty} when files changed), for labels; unknown outside git. */
    public static SourceInfo source(Path checkoutDir) {
        return CheckoutCommits.source(checkoutDir);
    }
}
