package io.strata.cli;

import io.strata.engine.config.LayersConfig;
import io.strata.engine.graph.LayerGraphBuilder;
import io.strata.engine.site.SiteTrees;
import io.strata.engine.source.DirectorySourceTree;
import io.strata.engine.source.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the site is: the layers file and the checkouts of its repositories. */
final class SiteOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "layers.yaml",
            description = "The layers file; its folder is the site repository's root (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--repo-dir", paramLabel = "NAME=PATH",
            description = "Checkout of a named repository of a multi-repository site (repeatable); overrides settings.repos.")
    Map<String, Path> repoDirs = new LinkedHashMap<>();

    private LayersConfig parsed;

    /** The layers file's folder. */
    Path siteDir() {
        Path parent = config.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** The layers file's name inside the site folder. */
    String configFile() {
        return config.getFileName().toString();
    }

    /** The layers file as it is on disk, parsed and checked (for settings); read once per command. */
    LayersConfig readConfig() {
        if (parsed == null) {
            Path file = config.toAbsolutePath().normalize();
            if (Files.isDirectory(file)) {
                throw new UserError(config + ": is a folder, not a layers file (pass --config FOLDER/layers.yaml)");
            }
            if (!Files.isRegularFile(file)) {
                throw new UserError(config + ": no such layers file (pass --config FILE)");
            }
            try {
                parsed = LayerGraphBuilder.load(configFile(), Files.readAllBytes(file)).config();
            } catch (IOException e) {
                throw new UserError("cannot read the layers file " + FileErrors.describe(e, config));
            }
        }
        return parsed;
    }

    /** Repository name to checkout folder: settings.repos (relative to the site) then --repo-dir. */
    Map<String, Path> repoPaths(LayersConfig config) {
        Map<String, Path> paths = new LinkedHashMap<>();
        config.settings().repos().forEach((name, dir) -> paths.put(name, siteDir().resolve(dir).normalize()));
        repoDirs.forEach((name, dir) -> paths.put(name, dir.toAbsolutePath().normalize()));
        for (Map.Entry<String, Path> entry : paths.entrySet()) {
            if (!Files.isDirectory(entry.getValue())) {
                throw new UserError("repository '" + entry.getKey() + "': " + entry.getValue() + " is not a folder");
            }
        }
        return paths;
    }

    /** The site's files as checked out now. */
    SiteTrees currentTrees(LayersConfig config) {
        Map<String, SourceTree> repos = new LinkedHashMap<>();
        repoPaths(config).forEach((name, dir) -> repos.put(name, DirectorySourceTree.of(dir)));
        return new SiteTrees(DirectorySourceTree.of(siteDir()), Map.copyOf(repos));
    }
}
