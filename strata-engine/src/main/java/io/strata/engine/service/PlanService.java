package io.strata.engine.service;

import io.strata.engine.change.ChangeSet;
import io.strata.engine.change.ChangedFile;
import io.strata.engine.change.GitChangeSets;
import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.impact.ImpactAnalyzer;
import io.strata.engine.impact.ImpactRequest;
import io.strata.engine.impact.SiteImpact;
import io.strata.engine.parallel.Futures;
import io.strata.engine.plan.BuildPlan;
import io.strata.engine.plan.ImageNames;
import io.strata.engine.plan.Planner;
import io.strata.engine.render.GraphPicture;
import io.strata.engine.render.SvgRenderer;
import io.strata.engine.site.SiteTrees;
import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The way in for every front-end that plans: from a site checkout and a change, the analysis
 * ({@link #analyze}), the build plan ({@link #plan(SiteAnalysis, ImageOptions)}), or both and the
 * picture in one call ({@link #plan(PlanRequest)}). The command line, the Jenkins steps and the
 * generated GitLab jobs plan through it, so a fix lands once for all.
 */
public final class PlanService {


    private PlanService() {
    }

    /**
     * Plans the build of a change and draws it.
     *
     * @throws ConfigException when the layers file, a repository folder, a revision or a path
     *     is wrong; each problem names the file and says what to do
     */
    public static PlanOutcome plan(PlanRequest request) {
        SiteAnalysis analysis = analyze(request, false);
        String svg = SvgRenderer.render(new GraphPicture(analysis.head().graph(), analysis.impact()));
        return new PlanOutcome(plan(analysis, request.images()), svg, analysis.analysedCommit(), analysis.notes());
    }

    /**
     * Analyses a change on a site checkout: reads the layers file, maps the repositories to their
     * checkouts, reads the change from git (or takes the paths given) and analyses its impact,
     * loading each revision of the site once.
     *
     * @param everyReason give each rebuilt node every reason there is (slower on large changes)
     * @throws ConfigException as {@link #plan(PlanRequest)}
     */
    public static SiteAnalysis analyze(PlanRequest request, boolean everyReason) {
        SiteCheckout site = request.site();
        Path siteDir = CheckoutFiles.siteDir(site);
        ChangeSpec spec = request.change();
        // The site repository's diff does not depend on the layers file: read both at once.
        CompletableFuture<ChangeSet> siteDiff = spec instanceof ChangeSpec.Revisions r && r.repo() == null
                ? CompletableFuture.supplyAsync(() -> GitChangeSets.between(siteDir, null, r.base(), r.head(), r.mergeBase()))
                : null;
        LayersConfig config = CheckoutFiles.config(site);
        Map<String, Path> repoDirs = CheckoutFiles.repoDirs(site, config);
        SiteTrees current = CheckoutFiles.trees(site, repoDirs);

        Path changeDir = changeDir(siteDir, repoDirs, spec.repo(), site.configFile());
        List<String> notes = new ArrayList<>();
        ChangeSet change = null;
        boolean full = false;
        if (siteDiff != null) {
            change = Futures.join(siteDiff);
        } else if (spec instanceof ChangeSpec.Revisions r) {
            change = GitChangeSets.between(changeDir, r.repo(), r.base(), r.head(), r.mergeBase());
        } else if (spec instanceof ChangeSpec.SinceBuilt s) {
            if (CheckoutCommits.has(changeDir, s.commit())) {
                change = GitChangeSets.between(changeDir, s.repo(), s.commit(), null, false);
            } else {
                full = true;
                notes.add("commit " + s.commit() + " built before is not in the history of " + changeDir
                        + " (a force-push or a shallow clone): every node is rebuilt");
            }
        } else if (spec instanceof ChangeSpec.Paths p) {
            change = pathsOnly(p, current, site.configFile());
        } else {
            full = spec instanceof ChangeSpec.Everything;
        }

        ImpactRequest impactRequest = new ImpactRequest(site.configFile(), current, change, request.startAt(),
                request.imageTypes(), full);
        SiteImpact impact;
        try {
            impact = new ImpactAnalyzer(everyReason, request.cache()).analyzeSite(impactRequest);
        } finally {
            request.cache().flush();
        }
        notes.addAll(0, impact.result().notes());
        String head = change != null ? change.headRevision() : null;
        String analysed = head != null ? head : CheckoutCommits.head(changeDir).orElse(null);
        return new SiteAnalysis(impact.head(), impact.result(), head, changeDir, analysed, notes);
    }

    /**
     * Plans the build of an analysed change: image names, the run's tag (given, else the analysed
     * head's short id, else the checkout's) and where reused nodes come from.
     *
     * @throws ConfigException when a tag or the registry is no image tag or registry name
     */
    public static BuildPlan plan(SiteAnalysis analysis, ImageOptions images) {
        LayersConfig config = analysis.head().config();
        return Planner.plan(analysis.impact(), names(config, images),
                images.tagOr(RunTags.defaultTag(analysis.headRevision(), () -> RunTags.source(analysis.changeDir()))),
                images.publishedTag() != null ? images.publishedTag() : config.settings().publishedTag());
    }

    /**
     * The folder of the repository a change is in: the layers file's folder for null, else the
     * named repository's checkout (the caller's folders, then {@code settings.repos}).
     *
     * @throws ConfigException when the layers file is wrong or the repository has no checkout
     */
    public static Path checkoutOf(SiteCheckout site, String repo) {
        Path siteDir = CheckoutFiles.siteDir(site);
        if (repo == null) {
            return siteDir;
        }
        return changeDir(siteDir, CheckoutFiles.repoDirs(site, CheckoutFiles.config(site)), repo, site.configFile());
    }

    /**
     * The checkouts of the site's named repositories: {@code settings.repos} under the caller's
     * folders, each checked (a folder, a name some layer uses, no two names on one folder).
     *
     * @throws ConfigException when the layers file or a repository folder is wrong
     */
    public static Map<String, Path> checkouts(SiteCheckout site) {
        return CheckoutFiles.repoDirs(site, CheckoutFiles.config(site));
    }

    private static Path changeDir(Path siteDir, Map<String, Path> repoDirs, String repo, String configFile) {
        if (repo == null) {
            return siteDir;
        }
        Path dir = repoDirs.get(repo);
        if (dir == null) {
            throw new ConfigException(new Problem(SourceLocation.of(configFile), repo,
                    "the change is in repository '" + repo + "', which has no checkout",
                    "map it to its folder (NAME=PATH) or under settings.repos"));
        }
        return dir;
    }

    private static ChangeSet pathsOnly(ChangeSpec.Paths spec, SiteTrees current, String configFile) {
        SourceTree tree = spec.repo() == null ? current.main() : current.repos().get(spec.repo());
        List<ChangedFile> files = new ArrayList<>();
        for (String path : spec.paths()) {
            String normal = RepoPaths.normalize("", path.strip()).orElseThrow(() -> new ConfigException(new Problem(
                    SourceLocation.of(configFile), path, "'" + path + "' is not a path inside the repository",
                    "give paths relative to the repository's root, as git diff --name-only prints them")));
            files.add(tree.isFile(normal) ? ChangedFile.modified(normal) : new ChangedFile(ChangedFile.Kind.DELETED, normal, null));
        }
        return new ChangeSet(spec.repo(), null, null, List.copyOf(files), tree, tree, false);
    }

    private static ImageNames names(LayersConfig config, ImageOptions images) {
        String registry = images.registry();
        if (registry == null && config.settings().registry() == null) {
            registry = images.fallbackRegistry();
        }
        return ImageNames.of(config, registry);
    }
}
