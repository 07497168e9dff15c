package io.strata.engine.service;

import io.strata.engine.impact.ImpactResult;
import io.strata.engine.site.SiteSnapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * A change analysed on a site checkout, with the site as loaded at the head revision, so that
 * planning, drawing and building go on from it without loading the site again.
 *
 * @param head the site at the head revision
 * @param impact what the change rebuilds and why
 * @param headRevision the change's head revision, or null when the checkout's files were analysed
 * @param changeDir the checkout of the repository the change is in
 * @param analysedCommit the commit the change's repository was analysed at (the change's head,
 *     else the checkout's HEAD), or null outside git
 * @param notes remarks for the reader, e.g. why every node is rebuilt
 */
public record SiteAnalysis(SiteSnapshot head, ImpactResult impact, String headRevision, Path changeDir, String analysedCommit,
        List<String> notes) {

    /** Keeps an unmodifiable copy of the notes. */
    public SiteAnalysis {
        notes = List.copyOf(notes);
    }
}
