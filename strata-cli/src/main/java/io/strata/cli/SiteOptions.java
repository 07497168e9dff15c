package io.strata.cli;

import io.strata.engine.config.LayersConfig;
import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.LayerGraphBuilder;
import io.strata.engine.service.SiteCheckout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the site is: the layers file and the checkouts of its repositories. */
final class SiteOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "layers.yaml",
            description = "The layers file; its folder is the site repository's root (default: ${DEFAULT-VALUE}).")
    Path config;

    /** The variable a generated GitLab job sets to its checkouts ({@code name=dir ...}) when no --repo-dir is given. */
    static final String REPO_DIRS_VARIABLE = "STRATA_REPO_DIRS";

    @Option(names = "--repo-dir", paramLabel = "NAME=PATH",
            description = "Checkout of a named repository of a multi-repository site (repeatable); overrides settings.repos"
                    + " (default: $STRATA_REPO_DIRS, 'name=dir ...', as the generated GitLab jobs set it).")
    List<String> repoDirs = new ArrayList<>();

    private LayerGraph parsed;

    /** The layers file's folder. */
    Path siteDir() {
        Path parent = config.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** The site folder's name, for titles. */
    String siteName() {
        Path name = siteDir().getFileName();
        return name == null ? siteDir().toString() : name.toString();
    }

    /** The layers file's name inside the site folder. */
    String configFile() {
        return config.getFileName().toString();
    }

    /** The layers file, absolute; a usage error when there is none. */
    private Path layersFile() {
        Path file = config.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new UserError(config + ": is a folder, not a layers file (pass --config FOLDER/layers.yaml)");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(config + ": no such layers file (pass --config FILE)");
        }
        return file;
    }

    /** The layers file as it is on disk, parsed and checked (for settings); read once per command. */
    LayersConfig readConfig() {
        return readGraph().config();
    }

    /** The layer graph of the layers file as it is on disk; read once per command. */
    LayerGraph readGraph() {
        if (parsed == null) {
            Path file = layersFile();
            try {
                parsed = LayerGraphBuilder.load(configFile(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UserError("cannot read the layers file " + FileErrors.describe(e, config));
            }
        }
        return parsed;
    }

    /**
     * Where the site is checked out, for the engine's services: the layers file (which must
     * exist) and the {@code --repo-dir} mappings as given. The services read the layers file,
     * add settings.repos and check every folder and name.
     */
    SiteCheckout checkout() {
        layersFile();
        return new SiteCheckout(siteDir(), configFile(), givenRepoDirs(), "--repo-dir");
    }

    /** The --repo-dir mappings (else $STRATA_REPO_DIRS), each name once, paths absolute. */
    private Map<String, Path> givenRepoDirs() {
        Map<String, Path> given = new LinkedHashMap<>();
        List<String> mappings = repoDirs;
        String fromJob = System.getenv(REPO_DIRS_VARIABLE);
        if (mappings.isEmpty() && fromJob != null && !fromJob.isBlank()) {
            mappings = List.of(fromJob.strip().split("\\s+"));
        }
        for (String mapping : mappings) {
            int equals = mapping.indexOf('=');
            if (equals <= 0 || equals == mapping.length() - 1) {
                throw new UserError("--repo-dir " + mapping + ": write NAME=PATH, e.g. --repo-dir slurm-config=../slurm-config");
            }
            String name = mapping.substring(0, equals);
            if (given.put(name, Path.of(mapping.substring(equals + 1)).toAbsolutePath().normalize()) != null) {
                throw new UserError("--repo-dir " + name + " is given twice; give each repository one checkout");
            }
        }
        return given;
    }
}
