package io.strata.engine.service;

import io.strata.engine.plan.BuildPlan;
import java.util.List;

/**
 * A planned build and what a build page shows about it.
 *
 * @param plan the build plan
 * @param svg the layer graph with the impact drawn on it, a self-contained SVG document
 * @param analysedCommit the commit the change's repository was analysed at (the change's head,
 *     else the checkout's HEAD), or null outside git; a later build diffs from it
 * @param notes remarks for the reader, e.g. why every node is rebuilt
 */
public record PlanOutcome(BuildPlan plan, String svg, String analysedCommit, List<String> notes) {

    /** Keeps an unmodifiable copy of the notes. */
    public PlanOutcome {
        notes = List.copyOf(notes);
    }
}
