package io.strata.engine.impact;

import io.strata.engine.site.SiteSnapshot;

/**
 * An analysis with the site it loaded at the head revision.
 *
 * @param head the site at the head revision (its graph, inventory and files)
 * @param result what the change rebuilds and why
 */
public record SiteImpact(SiteSnapshot head, ImpactResult result) {
}
