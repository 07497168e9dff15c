package io.strata.engine.impact;

import io.strata.engine.change.ChangeSet;
import io.strata.engine.graph.NodeId;
import io.strata.engine.site.SiteTrees;
import java.util.Set;

/**
 * What to analyse.
 *
 * @param configFile the layers file, at the root of the main tree
 * @param current the site's trees as checked out (repositories the change does not touch)
 * @param change the change set, or null for none (only {@code startAt}/{@code full} then)
 * @param startAt nodes to rebuild regardless of changes (a build triggered upstream)
 * @param imageTypes image types to keep (empty: all); other branches are reused
 * @param full rebuild every node
 */
public record ImpactRequest(
        String configFile,
        SiteTrees current,
        ChangeSet change,
        Set<NodeId> startAt,
        Set<String> imageTypes,
        boolean full) {

    /** A request for a change set in a single-repository site. */
    public static ImpactRequest of(String configFile, ChangeSet change) {
        return new ImpactRequest(configFile, SiteTrees.single(change.head()), change, Set.of(), Set.of(), false);
    }
}
