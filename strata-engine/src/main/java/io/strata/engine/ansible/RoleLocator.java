package io.strata.engine.ansible;

import io.strata.engine.ansible.PathSpec.Anchor;
import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds roles and collections the way Ansible does for a play: {@code ns.coll.role} in the
 * collection paths, unqualified names in the collections a play or role lists, then
 * {@code roles/} beside the play's playbook, the {@code roles_path} of {@code ansible.cfg}, the
 * depending role's folder (for meta dependencies), the playbook's directory, the repository's
 * {@code roles/}, and the name as a path. A play of an imported playbook finds its roles from
 * that playbook's directory (where Ansible loads it), then from the top playbook's directory
 * (where {@code include_role} runs).
 */
final class RoleLocator {

    /**
     * A role found.
     *
     * @param name the name it is used by
     * @param dir its directory
     * @param collection the collection holding it ({@code ns.coll}), or null
     */
    record Located(String name, String dir, String collection) {
    }

    private final SourceTree tree;
    private final TreeCache cache;
    private final AnsibleConfig config;
    private final String playbookDir;
    private final List<String> bases;

    /**
     * A locator for a play.
     *
     * @param playDir the directory of the playbook file holding the play
     * @param playbookDir the directory of the playbook being run
     */
    RoleLocator(SourceTree tree, TreeCache cache, AnsibleConfig config, String playDir, String playbookDir) {
        this.tree = tree;
        this.cache = cache;
        this.config = config;
        this.playbookDir = playbookDir;
        this.bases = playDir.equals(playbookDir) ? List.of(playbookDir) : List.of(playDir, playbookDir);
    }

    /**
     * The roles a name stands for: the first found for a literal name, every role directory
     * matching a templated one.
     *
     * @param dependentRole the role whose meta dependency this is, or null
     * @param collections the collections listed for unqualified names
     */
    List<Located> find(PathSpec name, String dependentRole, List<String> collections) {
        String parent = dependentRole == null ? null : RepoPaths.parent(dependentRole);
        return cache.roles(new TreeCache.RoleKey(bases, name, parent, collections),
                key -> search(name, dependentRole, collections));
    }

    private List<Located> search(PathSpec name, String dependentRole, List<String> collections) {
        if (name.anchor() == Anchor.PLAYBOOK_DIR) {
            String dir = SearchDirs.join(playbookDir, name.path());
            return dir != null && tree.isDirectory(dir) ? List.of(new Located(name.written(), dir, null)) : List.of();
        }
        if (name.dynamic()) {
            Map<String, Located> found = new LinkedHashMap<>();
            for (String searched : rolePaths(dependentRole, false)) {
                for (String child : cache.childDirs(tree, searched)) {
                    String dir = SearchDirs.join(searched, child);
                    if (Glob.matches(name.path(), child) && dir != null) {
                        found.putIfAbsent(dir, new Located(child, dir, null));
                    }
                }
            }
            return List.copyOf(found.values());
        }
        String role = name.path();
        String[] parts = role.split("\\.");
        if (parts.length >= 3 && !role.contains("/")) {
            String collection = parts[0] + "." + parts[1];
            String dir = collectionDir(collection);
            String roleDir = dir == null ? null : dir + "/roles/" + role.substring(collection.length() + 1);
            if (roleDir != null && tree.isDirectory(roleDir)) {
                return List.of(new Located(role, roleDir, collection));
            }
        } else if (!role.contains("/")) {
            for (String collection : collections) {
                String dir = collectionDir(collection);
                if (dir != null && tree.isDirectory(dir + "/roles/" + role)) {
                    return List.of(new Located(role, dir + "/roles/" + role, collection));
                }
            }
        }
        for (String searched : rolePaths(dependentRole, true)) {
            String dir = SearchDirs.join(searched, role);
            if (dir != null && !dir.isEmpty() && tree.isDirectory(dir)) {
                return List.of(new Located(role, dir, null));
            }
        }
        return List.of();
    }

    /** The globs a templated role name covers, one per role search directory. */
    List<String> globs(PathSpec name, String dependentRole) {
        List<String> globs = new ArrayList<>();
        for (String searched : rolePaths(dependentRole, false)) {
            String glob = SearchDirs.join(searched, name.path());
            if (glob != null) {
                globs.add(glob + "/*");
            }
        }
        return globs;
    }

    /** The directory of an installed collection ({@code ns.coll}) in the tree, or null. */
    String collectionDir(String collection) {
        String[] parts = collection.split("\\.");
        if (parts.length != 2) {
            return null;
        }
        for (String root : collectionRoots()) {
            String dir = SearchDirs.join(root, parts[0] + "/" + parts[1]);
            if (dir != null && tree.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }

    private List<String> collectionRoots() {
        Set<String> roots = new LinkedHashSet<>();
        roots.add(SearchDirs.join(playbookDir, "collections/ansible_collections"));
        roots.add("collections/ansible_collections");
        for (String path : config.collectionsPaths()) {
            roots.add(RepoPaths.fileName(path).equals("ansible_collections") ? path
                    : SearchDirs.join(path, "ansible_collections"));
        }
        roots.remove(null);
        return List.copyOf(roots);
    }

    /**
     * The directories searched for a role name; {@code asPath} adds the playbook's directory and
     * the repository root (a name that is a path), which a templated name does not search.
     */
    private List<String> rolePaths(String dependentRole, boolean asPath) {
        Set<String> paths = new LinkedHashSet<>();
        for (String base : bases) {
            paths.add(SearchDirs.join(base, "roles"));
        }
        paths.addAll(config.rolesPath());
        if (dependentRole != null) {
            paths.add(RepoPaths.parent(dependentRole));
        }
        if (asPath) {
            paths.addAll(bases);
        }
        paths.add("roles");
        if (asPath) {
            paths.add("");
        }
        paths.remove(null);
        return List.copyOf(paths);
    }
}
