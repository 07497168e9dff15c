package io.strata.engine.ansible;

import io.strata.engine.parallel.Memo;
import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What is computed once per tree: the configuration, requirements, unit fragments, glob
 * expansions and folder listings. Holds no reference to the tree (it is the key of a weak map),
 * so every method is given it. Safe from several threads; a value computed twice by racing
 * threads is the same value.
 */
final class TreeCache {

    /** A cached part of closures: what it is, the playbook it is for, a play's index, how deep. */
    record PartKey(String what, String playbook, int index, AnalysisDepth depth) {
        // A hash key of the analysis: the generated equals and hashCode run through method handles,
        // slow in a short run (docs/benchmarks.md).
        @Override
        public boolean equals(Object object) {
            return object instanceof PartKey other && what.equals(other.what) && playbook.equals(other.playbook)
                    && index == other.index && depth == other.depth;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * what.hashCode() + playbook.hashCode()) + index) + depth.hashCode();
        }
    }

    /** A role search: by name, from a play's directories, for a dependent role's folder, with collections. */
    record RoleKey(List<String> bases, PathSpec name, String dependentFolder, List<String> collections) {
        // A hash key of the analysis: the generated equals and hashCode run through method handles,
        // slow in a short run (docs/benchmarks.md).
        @Override
        public boolean equals(Object object) {
            return object instanceof RoleKey other && bases.equals(other.bases) && name.equals(other.name)
                    && Objects.equals(dependentFolder, other.dependentFolder) && collections.equals(other.collections);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bases, name, dependentFolder, collections);
        }
    }

    private volatile AnsibleConfig config;
    private volatile Map<String, String> requirements;
    private final Map<SummaryKind, Memo<String, Optional<Object>>> summaries = new EnumMap<>(SummaryKind.class);
    private final Map<AnalysisDepth, Memo<Unit, Fragment>> fragments = new EnumMap<>(AnalysisDepth.class);
    private final Memo<String, List<String>> expansions = new Memo<>();
    private final Memo<String, Set<String>> childDirs = new Memo<>();
    private final Memo<String, List<String>> varsFiles = new Memo<>();
    private final Memo<RoleKey, List<RoleLocator.Located>> roles = new Memo<>();
    private final Memo<PartKey, ClosurePart> parts = new Memo<>();
    private final Memo<ClosureSequence, Closure> closures = new Memo<>();

    TreeCache() {
        for (SummaryKind kind : SummaryKind.values()) {
            summaries.put(kind, new Memo<>());
        }
        for (AnalysisDepth depth : AnalysisDepth.values()) {
            fragments.put(depth, new Memo<>());
        }
    }

    AnsibleConfig config(SourceTree tree) {
        AnsibleConfig value = config;
        if (value == null) {
            value = AnsibleConfig.load(tree);
            config = value;
        }
        return value;
    }

    Map<String, String> requirements(SourceTree tree) {
        Map<String, String> value = requirements;
        if (value == null) {
            value = Requirements.load(tree);
            requirements = value;
        }
        return value;
    }

    /** A file's summary of one kind, computed from its content through the shared cache; null when absent. */
    @SuppressWarnings("unchecked")
    <T> T summary(SourceTree tree, String path, SummaryKind kind, AnalysisCache shared) {
        return (T) summaries.get(kind).get(path, key -> Optional.ofNullable(shared.summary(tree, key, kind))).orElse(null);
    }

    /** A unit's fragment at a depth. */
    Fragment fragment(Unit unit, AnalysisDepth depth, Function<Unit, Fragment> build) {
        return fragments.get(depth).get(unit, build);
    }

    /** The files of the tree a glob matches, sorted. */
    List<String> expand(SourceTree tree, String glob) {
        return expansions.get(glob, g -> {
            String prefix = Glob.literalPrefix(g);
            NavigableSet<String> candidates = tree.files().subSet(prefix, true, prefix + Character.MAX_VALUE, false);
            List<String> matches = new ArrayList<>();
            for (String path : candidates) {
                if (Glob.matches(g, path)) {
                    matches.add(path);
                }
            }
            return List.copyOf(matches);
        });
    }

    /** A part of closures, computed once. */
    ClosurePart part(PartKey key, Function<PartKey, ClosurePart> compute) {
        return parts.get(key, compute);
    }

    /** The closure of a sequence of parts, merged once. */
    Closure closure(ClosureSequence sequence) {
        return closures.get(sequence, ClosureSequence::merge);
    }

    /** The roles a search finds, computed once. */
    List<RoleLocator.Located> roles(RoleKey key, Function<RoleKey, List<RoleLocator.Located>> search) {
        return roles.get(key, k -> List.copyOf(search.apply(k)));
    }

    /** {@link VarsFiles#find} with a directory allowed, computed once. */
    List<String> varsFiles(SourceTree tree, String dir, String name) {
        return varsFiles.get(dir + "/" + name, key -> List.copyOf(VarsFiles.find(tree, dir, name, true)));
    }

    /** The names of a directory's sub-directories, sorted ("" is the root). */
    Set<String> childDirs(SourceTree tree, String dir) {
        return childDirs.get(dir, d -> {
            Set<String> names = new TreeSet<>();
            int start = d.isEmpty() ? 0 : d.length() + 1;
            String last = null;
            for (String path : tree.filesUnder(d)) {
                int slash = path.indexOf('/', start);
                if (slash > 0) {
                    String name = path.substring(start, slash);
                    if (!name.equals(last)) {
                        names.add(name);
                        last = name;
                    }
                }
            }
            return Collections.unmodifiableSet(names);
        });
    }
}
