package io.strata.engine.service;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.graph.LayerGraphBuilder;
import io.strata.engine.site.SiteTrees;
import io.strata.engine.source.DirectorySourceTree;
import io.strata.engine.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of a site checkout: its layers file, its repositories' folders and their trees as they are on disk. */
final class CheckoutFiles {

    private CheckoutFiles() {
    }

    /** The layers file's folder, absolute. */
    static Path siteDir(SiteCheckout site) {
        return site.dir().toAbsolutePath().normalize();
    }

    /**
     * The layers file, parsed and checked.
     *
     * @throws ConfigException when it is missing or breaks a rule
     */
    static LayersConfig config(SiteCheckout site) {
        Path file = siteDir(site).resolve(site.configFile());
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(new Problem(SourceLocation.of(site.configFile()), "", "no layers file in " + siteDir(site),
                    "check out the site repository first, or give the layers file's path relative to the workspace"));
        }
        try {
            return LayerGraphBuilder.load(site.configFile(), Files.readAllBytes(file)).config();
        } catch (FileSystemException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IOException e) {
            // Name the file: a read error such as EIO names none.
            FileSystemException named = new FileSystemException(file.toString(), null, e.getMessage());
            named.initCause(e);
            throw new UncheckedIOException("cannot read " + file, named);
        }
    }

    /**
     * Repository name to checkout: settings.repos, then the caller's folders.
     *
     * @throws ConfigException naming every repository whose folder does not exist
     */
    static Map<String, Path> repoDirs(SiteCheckout site, LayersConfig config) {
        Path siteDir = siteDir(site);
        Map<String, Path> dirs = new LinkedHashMap<>();
        config.settings().repos().forEach((name, dir) -> dirs.put(name, siteDir.resolve(dir).normalize()));
        site.repoDirs().forEach((name, dir) -> dirs.put(name, siteDir.resolve(dir).normalize()));
        List<Problem> problems = new ArrayList<>();
        dirs.forEach((name, dir) -> {
            if (!Files.isDirectory(dir)) {
                problems.add(new Problem(SourceLocation.of(site.configFile()), name, "the checkout of repository '"
                        + name + "', " + dir + ", is not a folder", "check the repository out there, or map it to its folder"));
            }
        });
        problems.addAll(RepoCheckouts.unused(site.configFile(), config, site.repoDirsOption(), site.repoDirs().keySet()));
        problems.addAll(RepoCheckouts.shared(site.configFile(), dirs));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return dirs;
    }

    /** The site's trees as checked out. */
    static SiteTrees trees(SiteCheckout site, Map<String, Path> repoDirs) {
        Map<String, SourceTree> repos = new LinkedHashMap<>();
        repoDirs.forEach((name, dir) -> repos.put(name, DirectorySourceTree.of(dir)));
        return new SiteTrees(DirectorySourceTree.of(siteDir(site)), Map.copyOf(repos));
    }
}
