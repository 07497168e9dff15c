package io.strata.engine.ansible;

import io.strata.engine.ansible.PathSpec.Anchor;
import io.strata.engine.ansible.Ref.FileUse;
import io.strata.engine.ansible.Ref.ReadAs;
import io.strata.engine.ansible.Ref.TaskInclude;
import io.strata.engine.ansible.Ref.VarsDir;
import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Resolves task includes, module and lookup files and vars directories against Ansible's search
 * directories, reporting what it finds to a {@link Sink}. Without a playbook directory it only
 * resolves what a unit can by itself and says when a reference must wait for its use.
 */
final class Resolver {

    /** Receives what a resolution finds. */
    interface Sink {

        /** A file read. */
        void found(String path, String kind, String what);

        /** A glob of a dynamic reference. */
        void wildcard(String glob, String kind, String what);

        /** A file to analyse in turn. */
        void unit(Unit unit);

        /** Something that cannot be known. */
        void uncertain(String path, String what);
    }

    private final SourceTree tree;
    private final TreeCache cache;

    Resolver(SourceTree tree, TreeCache cache) {
        this.tree = tree;
        this.cache = cache;
    }

    /**
     * An {@code include_tasks}/{@code import_tasks}; false when it must wait for its use.
     *
     * @param playbookDir the playbook's directory, or null to resolve without the use
     */
    boolean taskInclude(TaskInclude include, String file, String roleDir, boolean handlers, String playbookDir,
            Sink sink) {
        PathSpec target = include.target();
        String what = include.keyword() + " in " + file;
        if (target.anchor() == Anchor.ABSOLUTE) {
            sink.uncertain(file, include.keyword() + " '" + target.written() + "' lies outside the repository");
            return true;
        }
        boolean local = playbookDir == null;
        if (local && needsUse(target, roleDir)) {
            return false;
        }
        SearchDirs dirs = SearchDirs.taskIncludes(target, file, roleDir, handlers, playbookDir);
        if (target.dynamic()) {
            int matches = expand(dirs, target, local, "dynamic " + what + " '" + target.written() + "'", (match, glob) -> {
                sink.found(match, "file", "may be included by the dynamic " + what);
                if (analysable(match, glob)) {
                    sink.unit(Unit.tasks(match, roleDir, handlers));
                }
            }, sink);
            if (matches == 0 && !local) {
                sink.uncertain(file, include.keyword() + " '" + target.written() + "' matches no file in the repository");
            }
            return matches > 0 || !local;
        }
        for (String dir : dirs.all()) {
            String path = SearchDirs.join(dir, target.path());
            if (path != null && tree.isFile(path)) {
                sink.found(path, "file", what);
                sink.unit(Unit.tasks(path, roleDir, handlers));
                return true;
            }
        }
        return !local;
    }

    /**
     * A module's or lookup's file (the first candidate found; a dynamic candidate adds all it
     * matches and the search goes on); false when it must wait for its use.
     *
     * @param parentRoles the roles that use {@code roleDir}, innermost first
     * @param playbookDir the playbook's directory, or null to resolve without the use
     */
    boolean fileUse(FileUse use, String file, String roleDir, List<String> parentRoles, boolean handlers,
            String playbookDir, Sink sink) {
        boolean local = playbookDir == null;
        String what = use.keyword() + " in " + file;
        for (PathSpec candidate : use.candidates()) {
            if (candidate.anchor() == Anchor.ABSOLUTE) {
                if (use.readAs() == ReadAs.TASKS || use.readAs() == ReadAs.VARS) {
                    sink.uncertain(file, use.keyword() + " '" + candidate.written() + "' lies outside the repository");
                }
                continue;
            }
            if (local && (needsUse(candidate, roleDir) || use.everyMatch())) {
                return false;
            }
            SearchDirs dirs = SearchDirs.files(use.subdir(), candidate, file, roleDir, parentRoles, playbookDir);
            if (candidate.dynamic()) {
                int matches = expand(dirs, candidate, local, "dynamic " + what + " '" + candidate.written() + "'",
                        (match, glob) -> {
                            sink.found(match, "file", "may be read by the dynamic " + what);
                            if (use.readAs() == ReadAs.TEMPLATE || analysable(match, glob)) {
                                read(match, use.readAs(), roleDir, handlers, sink);
                            }
                        }, sink);
                if (matches == 0 && local) {
                    return false;
                }
                continue;
            }
            boolean found = false;
            for (String dir : dirs.all()) {
                String path = SearchDirs.join(dir, candidate.path());
                if (path != null && tree.isFile(path)) {
                    sink.found(path, "file", what);
                    read(path, use.readAs(), roleDir, handlers, sink);
                    if (!use.everyMatch()) {
                        return true;
                    }
                    found = true;
                    continue;
                }
                if (path != null && !candidate.isEmpty() && tree.isDirectory(path)) {
                    tree.filesUnder(path).forEach(f -> sink.found(f, "file", what));
                    return true;
                }
            }
            if (found) {
                return true;
            }
            if (local) {
                return false;
            }
        }
        return true;
    }

    /** Whether a path can only be resolved knowing the use: relative to the playbook, or a role path outside roles. */
    private static boolean needsUse(PathSpec path, String roleDir) {
        return path.anchor() == Anchor.PLAYBOOK_DIR || path.anchor() == Anchor.ROLE_PATH && roleDir == null;
    }

    /** {@code include_vars: dir=...}: every file below the directory, vars files analysed. */
    boolean varsDir(VarsDir use, String file, String roleDir, String playbookDir, Sink sink) {
        PathSpec dir = use.dir();
        if (dir.anchor() == Anchor.ABSOLUTE) {
            sink.uncertain(file, use.keyword() + " '" + dir.written() + "' lies outside the repository");
            return true;
        }
        String base;
        if (dir.anchor() == Anchor.PLAYBOOK_DIR) {
            if (playbookDir == null) {
                return false;
            }
            base = playbookDir;
        } else if (roleDir != null) {
            base = dir.anchor() == Anchor.ROLE_PATH || dir.startsWithFolder("vars") ? roleDir : roleDir + "/vars";
        } else {
            base = RepoPaths.parent(file);
        }
        String path = SearchDirs.join(base, dir.path());
        if (path == null) {
            return true;
        }
        String what = use.keyword() + " in " + file;
        Iterable<String> files;
        if (dir.dynamic()) {
            String glob = path.endsWith("*") ? path : path + "/*";
            sink.wildcard(glob, "file", "dynamic " + what + " '" + dir.written() + "'");
            files = cache.expand(tree, glob);
        } else {
            files = tree.filesUnder(path);
        }
        for (String match : files) {
            sink.found(match, "file", what);
            String name = RepoPaths.fileName(match);
            int dot = name.lastIndexOf('.');
            if (dot > 0 && use.extensions().contains(name.substring(dot + 1))) {
                sink.unit(Unit.vars(match, roleDir));
            }
        }
        return true;
    }

    /**
     * Expands a dynamic path: in the primary directories; when it matches nothing there, in the
     * fallback ones, and from the repository root when its first part is dynamic (it may be
     * absolute or anything). A role's dynamic include is written for the role's own files: the
     * playbook's directory is only searched when the role has none that match. Without the use
     * ({@code local}) only the primary directories are searched.
     *
     * @return how many files matched
     */
    private int expand(SearchDirs dirs, PathSpec spec, boolean local, String what, BiConsumer<String, String> onMatch,
            Sink sink) {
        int matches = expand(SearchDirs.globs(dirs.primary(), spec.path()), what, onMatch, sink);
        if (matches == 0 && !local) {
            List<String> fallback = new ArrayList<>(SearchDirs.globs(dirs.fallback(), spec.path()));
            if (spec.path().startsWith("*") && spec.anchor() == Anchor.SEARCH) {
                fallback.add(spec.path());
            }
            matches = expand(fallback, what, onMatch, sink);
        }
        return matches;
    }

    private int expand(List<String> globs, String what, BiConsumer<String, String> onMatch, Sink sink) {
        int matches = 0;
        for (String glob : globs) {
            sink.wildcard(glob, "file", what);
            for (String match : cache.expand(tree, glob)) {
                onMatch.accept(match, glob);
                matches++;
            }
        }
        return matches;
    }

    private static void read(String path, ReadAs readAs, String roleDir, boolean handlers, Sink sink) {
        switch (readAs) {
            case TEMPLATE -> sink.unit(Unit.template(path, roleDir));
            case VARS -> sink.unit(Unit.vars(path, roleDir));
            case TASKS -> sink.unit(Unit.tasks(path, roleDir, handlers));
            case PLAIN -> {
            }
        }
    }

    /**
     * Whether a file a glob matched is worth analysing as YAML: a YAML or JSON name, or a glob
     * whose author fixed the name's ending.
     */
    static boolean analysable(String path, String glob) {
        return path.endsWith(".yml") || path.endsWith(".yaml") || path.endsWith(".json") || !glob.endsWith("*");
    }
}
