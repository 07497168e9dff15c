package io.strata.engine.service;

import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules every front-end applies to the checkouts of a multi-repository site: one checkout per
 * repository name (a change is analysed as the change of one repository, so a second name mapped
 * to the same checkout would not see it, and its layers would not be rebuilt), and no checkout
 * for a name the layers file does not use (a misspelt name would leave the real one unmapped).
 */
public final class RepoCheckouts {

    private RepoCheckouts() {
    }

    /**
     * A problem for each repository name mapped to a checkout that an earlier name already has.
     *
     * @param configFile the layers file, for the problems' location
     * @param dirs repository name to checkout folder, in the order they were given
     */
    public static List<Problem> shared(String configFile, Map<String, Path> dirs) {
        List<Problem> problems = new ArrayList<>();
        Map<Path, String> byCheckout = new HashMap<>();
        dirs.forEach((name, dir) -> {
            String other = byCheckout.putIfAbsent(realPath(dir), name);
            if (other != null) {
                problems.add(new Problem(SourceLocation.of(configFile), name, "repositories '" + other + "' and '" + name
                        + "' are mapped to one checkout, " + dir + ": a change there is analysed as the change of one repository,"
                        + " and the other's layers would miss it", "give each its own checkout (git worktree add), or use one repository name"));
            }
        });
        return problems;
    }

    /**
     * A problem for each name given a checkout that no layer's {@code repo:} (nor the inventory's
     * {@code path:}, for an inventory kept in a repository of its own) names.
     *
     * @param configFile the layers file, for the problems' location
     * @param option how the caller's users give the mappings ({@code --repo-dir}, {@code repoDirs})
     * @param names the names given a checkout, in the order they were given
     */
    public static List<Problem> unused(String configFile, LayersConfig config, String option, Collection<String> names) {
        Set<String> layerRepos = new TreeSet<>();
        config.layers().values().forEach(layer -> {
            if (layer.repo() != null) {
                layerRepos.add(layer.repo());
            }
        });
        Set<String> used = new TreeSet<>(layerRepos);
        if (config.inventory() != null && config.inventory().repoName() != null) {
            used.add(config.inventory().repoName());
        }
        List<Problem> problems = new ArrayList<>();
        for (String name : names) {
            if (!used.contains(name)) {
                problems.add(new Problem(SourceLocation.of(configFile), name, option + " " + name + ": no layer of " + configFile
                        + " has repo '" + name + "'" + (layerRepos.isEmpty() ? " (it names no repository)"
                        : " (its repositories: " + String.join(", ", layerRepos) + ")"), layerRepos.isEmpty()
                        ? "a single-repository site needs no " + option : "map each repository the layers name, by that name"));
            }
        }
        return problems;
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }
}
