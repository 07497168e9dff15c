package io.strata.engine.service;

import io.strata.engine.cache.AnalysisStore;
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
 * @param cache the persistent analysis cache ({@link AnalysisStore#none()}: none); the analysis
 *     writes what it derived to it when done
 */
public record PlanRequest(SiteCheckout site, ChangeSpec change, Set<NodeId> startAt, Set<String> imageTypes,
        ImageOptions images, AnalysisStore cache) {

    /** Keeps unmodifiable copies of the sets. */
    public PlanRequest {
        startAt = Set.copyOf(startAt);
        imageTypes = Set.copyOf(imageTypes);
    }

    /** A request with no start nodes, every image type and default image names. */
    public static PlanRequest of(SiteCheckout site, ChangeSpec change) {
        return new PlanRequest(site, change, Set.of(), Set.of(), ImageOptions.defaults(), AnalysisStore.none());
    }

    /** This request with a persistent analysis cache. */
    public PlanRequest withCache(AnalysisStore store) {
        return new PlanRequest(site, change, startAt, imageTypes, images, store);
    }
}
