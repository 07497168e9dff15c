package io.strata.engine.ansible;

import io.strata.engine.inventory.InventoryView;
import io.strata.engine.parallel.Identity;
import io.strata.engine.parallel.Memo;
import io.strata.engine.source.SourceTree;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a playbook pulls in for one build container, in one repository at one revision: the
 * files it reads (imports, task files, roles and their dependencies, vars files, templates,
 * copied files, lookups, group_vars, plugins), the globs of its dynamic includes, its external
 * roles and collections, the variables it reads, and what cannot be analysed. Paths are
 * resolved with Ansible's search paths. Only plays whose {@code hosts:} reach the container
 * count. Safe to call from several threads.
 */
public final class PlaybookAnalyzer {

    /** A host pattern matched for a container in some groups of one inventory. */
    private record PatternKey(Identity<InventoryView> inventory, String pattern, Set<String> groups, boolean dynamicGroups) {
        // A hash key of the analysis: the generated equals and hashCode run through method handles,
        // slow in a short run (docs/benchmarks.md).
        @Override
        public boolean equals(Object object) {
            return object instanceof PatternKey other && inventory.equals(other.inventory)
                    && pattern.equals(other.pattern) && groups.equals(other.groups) && dynamicGroups == other.dynamicGroups;
        }

        @Override
        public int hashCode() {
            return Objects.hash(inventory, pattern, groups, dynamicGroups);
        }
    }

    private final SourceTree tree;
    private final AnalysisCache cache;
    private final Memo<PatternKey, Boolean> patterns = new Memo<>();

    /**
     * An analyzer of one tree.
     *
     * @param tree the layer's repository at one revision
     * @param cache what analyses of both revisions and all nodes share
     */
    public PlaybookAnalyzer(SourceTree tree, AnalysisCache cache) {
        this.tree = tree;
        this.cache = cache;
    }

    /** The pinned versions of the external roles and collections of this tree, read once per tree. */
    public Map<String, String> requirements() {
        return cache.of(tree).requirements(tree);
    }

    /**
     * The closure of a playbook for a container; empty when the playbook does not exist in this
     * tree.
     *
     * @param playbookPath the repository-relative playbook path
     * @param target the container's groups and the inventory
     */
    public Closure analyze(String playbookPath, AnalysisTarget target) {
        return analyze(playbookPath, target, AnalysisDepth.FULL);
    }

    /**
     * The closure of a playbook for a container, followed to a depth; empty when the playbook
     * does not exist in this tree.
     *
     * @param playbookPath the repository-relative playbook path
     * @param target the container's groups and the inventory
     * @param depth how far to follow what the playbook pulls in
     */
    public Closure analyze(String playbookPath, AnalysisTarget target, AnalysisDepth depth) {
        if (!tree.isFile(playbookPath)) {
            return Closure.EMPTY;
        }
        Set<String> groups = target.containerGroups();
        ClosureWalk.HostMatcher hosts = (pattern, dynamicGroups) -> patterns.get(
                new PatternKey(new Identity<>(target.inventory()), pattern, groups, dynamicGroups),
                key -> HostPattern.matches(pattern, target.inventory(), groups, dynamicGroups));
        return new ClosureWalk(tree, cache, target, hosts, depth).run(playbookPath);
    }
}
