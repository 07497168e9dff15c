package io.strata.engine.service;

import io.strata.engine.graph.NodeId;
import java.util.Set;

/**
 * What to plan.
 *
 * @param site where the site is checked out
 * @param change what changed
 * @param startAt nodes rebuilt regardless of the change, with their descendants
 * @param imageTypes image types to keep (empty: all)
 * @param images how built images are named and tagged
 */
public record PlanRequest(SiteCheckout site, ChangeSpec change, Set<NodeId> startAt, Set<String> imageTypes,
        ImageOptions images) {

    /** Keeps unmodifiable copies of the sets. */
    public PlanRequest {
        startAt = Set.copyOf(startAt);
        imageTypes = Set.copyOf(imageTypes);
    }

    /** A request with no start nodes, every image type and default image names. */
    public static PlanRequest of(SiteCheckout site, ChangeSpec change) {
        return new PlanRequest(site, change, Set.of(), Set.of(), ImageOptions.defaults());
    }
}
