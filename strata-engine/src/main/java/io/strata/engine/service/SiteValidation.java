package io.strata.engine.service;

import io.strata.engine.builder.BuildSettings;
import io.strata.engine.builder.packages.PackageListParser;
import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Problem;
import io.strata.engine.config.Settings;
import io.strata.engine.graph.NodeId;
import io.strata.engine.site.SiteSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one check of a site that {@code validate} runs and that {@code build}, {@code plan} and the
 * Jenkins steps agree with: the layers file and graph (already checked when the snapshot loaded),
 * the files it names, the inventory, {@code settings.build} and every root's package list, each
 * read by the same code the build reads it with. Every problem at once, in file order.
 */
public final class SiteValidation {

    private SiteValidation() {
    }

    /**
     * The site as checked out: its layers file, its repositories mapped to their checkouts (the
     * caller's folders over {@code settings.repos}) and its inventory, loaded once.
     *
     * @throws ConfigException when the layers file or a repository folder is wrong
     */
    public static SiteSnapshot load(SiteCheckout site) {
        LayersConfig config = CheckoutFiles.config(site);
        return SiteSnapshot.load(site.configFile(), CheckoutFiles.trees(site, CheckoutFiles.repoDirs(site, config)));
    }

    /**
     * The site as checked out, refused with every problem it has (the layers file, its files, its
     * inventory groups, its settings).
     *
     * @throws ConfigException with every problem
     */
    public static SiteSnapshot validated(SiteCheckout site) {
        SiteSnapshot snapshot = load(site);
        require(snapshot, CheckoutFiles.siteDir(site));
        return snapshot;
    }

    /**
     * Refuses a site with any problem.
     *
     * @throws ConfigException with every problem
     */
    public static void require(SiteSnapshot snapshot, Path siteDir) {
        List<Problem> problems = problems(snapshot, siteDir);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * Every problem of a loaded site.
     *
     * @param snapshot the site, loaded (its layers file parsed and its graph built)
     * @param siteDir the layers file's folder (settings name paths relative to it)
     */
    public static List<Problem> problems(SiteSnapshot snapshot, Path siteDir) {
        List<Problem> problems = new ArrayList<>(snapshot.checkFiles());
        problems.addAll(snapshot.unknownGroups());
        Settings settings = snapshot.config().settings();
        for (String key : settings.raw().keySet()) {
            if (!Settings.KEYS.contains(key)) {
                problems.add(new Problem(settings.location(snapshot.config().file(), key), key, "unknown setting",
                        "the settings are " + String.join(", ", new TreeSet<>(Settings.KEYS)) + "; build options go under 'build'"));
            }
        }
        try {
            BuildSettings.of(snapshot.config(), siteDir);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        Set<String> lists = new LinkedHashSet<>();
        for (NodeId id : snapshot.graph().topologicalOrder()) {
            String file = snapshot.packagesFile(id);
            if (file != null && lists.add(file)) {
                snapshot.trees().main().read(file).ifPresent(bytes -> {
                    try {
                        PackageListParser.parse(file, bytes);
                    } catch (ConfigException e) {
                        problems.addAll(e.problems());
                    }
                });
            }
        }
        problems.sort(Comparator.comparing((Problem p) -> p.location().file().equals(snapshot.config().file()) ? "" : p.location().file())
                .thenComparingInt(p -> p.location().line()).thenComparingInt(p -> p.location().column()));
        return problems;
    }
}
