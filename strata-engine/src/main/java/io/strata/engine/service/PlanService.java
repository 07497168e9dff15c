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
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.plan.BuildPlan;
import io.strata.engine.plan.ImageNames;
import io.strata.engine.plan.Planner;
import io.strata.engine.render.GraphPicture;
import io.strata.engine.render.SvgRenderer;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.site.SiteTrees;
import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans a build from a site checkout and a change in one call: reads the layers file, maps the
 * repositories to their checkouts, reads the change from git (or takes the paths given),
 * analyses the impact, plans the build and draws the picture.
 */
public final class PlanService {


    private PlanService() {
    }

    /**
     * Plans the build of a change.
     *
     * @throws ConfigException when the layers file, a repository folder, a revision or a path
     *     is wrong; each problem names the file and says what to do
     */
    public static PlanOutcome plan(PlanRequest request) {
        SiteCheckout site = request.site();
        Path siteDir = CheckoutFiles.siteDir(site);
        LayersConfig config = CheckoutFiles.config(site);
        Map<String, Path> repoDirs = CheckoutFiles.repoDirs(site, config);
        SiteTrees current = CheckoutFiles.trees(site, repoDirs);

        ChangeSpec spec = request.change();
        Path changeDir = changeDir(siteDir, repoDirs, spec.repo(), site.configFile());
        List<String> notes = new ArrayList<>();
        ChangeSet change = null;
        boolean full = false;
        if (spec instanceof ChangeSpec.Revisions r) {
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
        ImpactResult impact = new ImpactAnalyzer().analyze(impactRequest);
        notes.addAll(0, impact.notes());

        String analysed = change != null && change.headRevision() != null
                ? change.headRevision() : CheckoutCommits.head(changeDir).orElse(null);
        ImageOptions images = request.images();
        String head = change != null ? change.headRevision() : null;
        BuildPlan plan = Planner.plan(impact, names(config, images), images.tagOr(RunTags.defaultTag(head, () -> RunTags.source(changeDir))),
                images.publishedTag() != null ? images.publishedTag() : config.settings().publishedTag());

        SiteTrees headTrees = change == null ? current : current.with(change, false);
        String svg = SvgRenderer.render(new GraphPicture(SiteSnapshot.load(site.configFile(), headTrees).graph(), impact));
        return new PlanOutcome(plan, svg, analysed, notes);
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
