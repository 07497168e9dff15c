package io.strata.engine.site;

import io.strata.engine.change.ChangeSet;
import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.source.SourceTree;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The trees of a site at one revision: the repository holding the layers file ({@code main})
 * and the named repositories of a multi-repository site.
 *
 * @param main the layers file's repository
 * @param repos other repositories by name
 */
public record SiteTrees(SourceTree main, Map<String, SourceTree> repos) {

    /** A single-repository site. */
    public static SiteTrees single(SourceTree main) {
        return new SiteTrees(main, Map.of());
    }

    /**
     * The trees with one repository replaced by a change set's tree: {@code base} of the change
     * when {@code atBase}, else its {@code head}.
     */
    public SiteTrees with(ChangeSet change, boolean atBase) {
        SourceTree tree = atBase ? change.base() : change.head();
        if (change.repo() == null) {
            return new SiteTrees(tree, repos);
        }
        Map<String, SourceTree> replaced = new LinkedHashMap<>(repos);
        replaced.put(change.repo(), tree);
        return new SiteTrees(main, Map.copyOf(replaced));
    }

    /** Whether the name is a repository of this site (null is the main one). */
    public boolean has(String repo) {
        return repo == null || repos.containsKey(repo);
    }

    /**
     * The tree of a repository (null: the main one).
     *
     * @throws ConfigException when the repository is not mapped to a checkout
     */
    public SourceTree repo(String name, SourceLocation usedAt) {
        if (name == null) {
            return main;
        }
        SourceTree tree = repos.get(name);
        if (tree == null) {
            throw new ConfigException(new Problem(usedAt, "repo", "repository '" + name + "' has no checkout",
                    "map it to its checkout: under settings.repos, or with the repository folders given with the request"));
        }
        return Objects.requireNonNull(tree);
    }
}
