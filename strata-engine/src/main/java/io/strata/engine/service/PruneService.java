package io.strata.engine.service;

import io.strata.engine.builder.BuildSettings;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.BuildahOptions;
import io.strata.engine.builder.process.ProcessCommandRunner;
import io.strata.engine.builder.prune.ImagePruner;
import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.graph.NodeId;
import io.strata.engine.plan.ImageNames;
import io.strata.engine.site.SiteSnapshot;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes old images of a site's nodes from the user's local store: per node the newest
 * {@code keep} stay, and every image a published tag names ({@code settings.published_tag},
 * {@code latest} and the tags given); untagged images Strata built go.
 */
public final class PruneService {

    private PruneService() {
    }

    /**
     * Prunes the store of the site's storage driver.
     *
     * @param publishedTags more tags whose images always stay
     * @param dryRun list only, remove nothing
     * @throws ConfigException when the layers file or a repository folder is wrong
     */
    public static ImagePruner.Outcome prune(SiteCheckout site, int keep, Collection<String> publishedTags, boolean dryRun) {
        SiteSnapshot snapshot = SiteValidation.load(site);
        LayersConfig config = snapshot.config();
        ImageNames names = ImageNames.of(config, ImageNames.LOCAL_REGISTRY);
        Set<String> repositories = new LinkedHashSet<>();
        for (NodeId id : snapshot.graph().topologicalOrder()) {
            repositories.add(names.repository(id));
        }
        Set<String> tags = new TreeSet<>(publishedTags);
        tags.add(config.settings().publishedTag());
        tags.add("latest");
        String driver = BuildSettings.of(config, CheckoutFiles.siteDir(site)).storageDriver();
        BuildahOptions options = BuildahOptions.defaults().withStorageDriver(BuildSettings.AUTO.equals(driver) ? null : driver);
        return new ImagePruner(new Buildah(options), new ProcessCommandRunner(null)).prune(repositories, tags, keep, dryRun);
    }
}
