package io.strata.cli;

import io.strata.engine.plan.BuildPlan;
import io.strata.engine.service.ImageOptions;
import io.strata.engine.service.PlanService;
import picocli.CommandLine.Option;

/** How built images are named and tagged, and the planning of a change with them. */
final class PlanOptions {

    @Option(names = "--registry", paramLabel = "HOST[:PORT][/PATH]", description = "Registry of the images (default: settings.registry, else localhost).")
    String registry;

    @Option(names = "--tag", description = "Tag of the built images (default: the short id of the head revision analysed, else of the checkout's commit, with -dirty when its files differ, else 'dev').")
    String tag;

    @Option(names = "--published-tag", description = "Tag of published images reused nodes are taken from (default: settings.published_tag, else latest).")
    String publishedTag;

    /** How the images are named and tagged, for the engine's services. */
    ImageOptions images() {
        return new ImageOptions(registry, null, tag, publishedTag);
    }

    /** Analyses the change the options describe and plans its build. */
    BuildPlan plan(SiteOptions site, ChangeOptions change) {
        return PlanService.plan(PlanService.analyze(change.request(site, images()), false), images());
    }
}
