package io.strata.engine.ansible;

import io.strata.engine.ansible.PathSpec.Anchor;
import io.strata.engine.source.RepoPaths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directories Ansible searches, in order, for the file a reference names: the
 * {@code primary} ones (the referring role's own, or the referring file's directory) and the
 * {@code fallback} ones searched after them (the roles that use the role, the playbook's
 * directory). Without the playbook's directory ({@code playbookDir} null) the fallback is
 * unknown and left empty: what a unit can resolve by itself.
 *
 * @param primary the directories searched first
 * @param fallback the directories searched after them
 */
record SearchDirs(List<String> primary, List<String> fallback) {

    /** Keeps immutable copies, each directory once. */
    SearchDirs {
        Set<String> first = new LinkedHashSet<>(primary);
        first.remove(null);
        Set<String> then = new LinkedHashSet<>(fallback);
        then.remove(null);
        then.removeAll(first);
        primary = List.copyOf(first);
        fallback = List.copyOf(then);
    }

    /** Every directory, in search order. */
    List<String> all() {
        List<String> all = new ArrayList<>(primary);
        all.addAll(fallback);
        return all;
    }

    /**
     * Task files of {@code include_tasks}/{@code import_tasks}: in a role its {@code tasks/} (or
     * {@code handlers/}), the including file's directory and the role; outside roles the including
     * file's directory; then the playbook's directory.
     */
    static SearchDirs taskIncludes(PathSpec target, String file, String roleDir, boolean handlers, String playbookDir) {
        String section = handlers ? "handlers" : "tasks";
        if (target.anchor() == Anchor.PLAYBOOK_DIR) {
            return new SearchDirs(nullable(playbookDir), List.of());
        }
        if (target.anchor() == Anchor.ROLE_PATH && roleDir != null) {
            return new SearchDirs(List.of(roleDir), List.of());
        }
        List<String> fallback = new ArrayList<>();
        if (playbookDir != null) {
            if (roleDir != null) {
                fallback.add(join(playbookDir, section));
            }
            fallback.add(playbookDir);
        }
        List<String> primary = roleDir != null
                ? List.of(join(roleDir, section), RepoPaths.parent(file), roleDir)
                : List.of(RepoPaths.parent(file));
        return new SearchDirs(primary, fallback);
    }

    /**
     * Files of modules and lookups (Ansible's {@code path_dwim_relative_stack}): in each of the
     * role, the roles that use it (innermost first), the referring file's directory and the
     * playbook's directory, first under {@code subdir} (unless the path already starts with it),
     * then directly.
     */
    static SearchDirs files(String subdir, PathSpec candidate, String file, String roleDir, List<String> parentRoles,
            String playbookDir) {
        if (candidate.anchor() == Anchor.PLAYBOOK_DIR) {
            return new SearchDirs(nullable(playbookDir), List.of());
        }
        if (candidate.anchor() == Anchor.ROLE_PATH && roleDir != null) {
            return new SearchDirs(List.of(roleDir), List.of());
        }
        List<String> fallbackBases = new ArrayList<>();
        if (playbookDir != null) {
            if (roleDir != null) {
                fallbackBases.addAll(parentRoles);
                fallbackBases.add(RepoPaths.parent(file));
            }
            fallbackBases.add(playbookDir);
        }
        String first = roleDir != null ? roleDir : RepoPaths.parent(file);
        return new SearchDirs(withSubdir(List.of(first), subdir, candidate), withSubdir(fallbackBases, subdir, candidate));
    }

    private static List<String> withSubdir(List<String> bases, String subdir, PathSpec candidate) {
        List<String> dirs = new ArrayList<>();
        for (String base : bases) {
            if (subdir != null && !candidate.startsWithFolder(subdir)) {
                dirs.add(join(base, subdir));
            }
            dirs.add(base);
        }
        return dirs;
    }

    private static List<String> nullable(String dir) {
        return dir == null ? List.of() : List.of(dir);
    }

    /** A path below a directory, or null when it climbs out of the repository. */
    static String join(String dir, String path) {
        return RepoPaths.normalize(dir, path).orElse(null);
    }

    /** The globs of a dynamic path in each of some directories. */
    static List<String> globs(List<String> dirs, String glob) {
        Set<String> globs = new LinkedHashSet<>();
        for (String dir : dirs) {
            String joined = join(dir, glob);
            if (joined != null && !joined.isEmpty()) {
                globs.add(joined);
            }
        }
        return List.copyOf(globs);
    }
}
