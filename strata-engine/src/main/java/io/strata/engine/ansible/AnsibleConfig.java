package io.strata.engine.ansible;

import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of an {@code ansible.cfg} at the repository root that decide where roles,
 * collections, modules and plugins are found. Relative paths are relative to the file;
 * absolute, home and environment paths lie outside the repository and are left out.
 *
 * @param rolesPath the {@code roles_path} directories
 * @param collectionsPaths the {@code collections_path(s)} directories
 * @param pluginPaths the {@code library}, {@code module_utils} and {@code *_plugins} directories
 */
record AnsibleConfig(List<String> rolesPath, List<String> collectionsPaths, List<String> pluginPaths) {

    /** The configuration file Ansible reads from the directory it runs in. */
    static final String FILE = "ansible.cfg";

    /** Keeps immutable copies. */
    AnsibleConfig {
        rolesPath = List.copyOf(rolesPath);
        collectionsPaths = List.copyOf(collectionsPaths);
        pluginPaths = List.copyOf(pluginPaths);
    }

    /** Reads the repository's {@code ansible.cfg}; empty settings when there is none. */
    static AnsibleConfig load(SourceTree tree) {
        List<String> roles = new ArrayList<>();
        List<String> collections = new ArrayList<>();
        List<String> plugins = new ArrayList<>();
        String text = tree.readString(FILE).orElse("");
        boolean defaults = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                defaults = line.equals("[defaults]");
                continue;
            }
            int equals = line.indexOf('=');
            if (!defaults || equals < 0 || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (key.equals("roles_path")) {
                roles.addAll(paths(value));
            } else if (key.equals("collections_path") || key.equals("collections_paths")) {
                collections.addAll(paths(value));
            } else if (key.equals("library") || key.equals("module_utils") || key.endsWith("_plugins")) {
                plugins.addAll(paths(value));
            }
        }
        return new AnsibleConfig(roles, collections, plugins);
    }

    private static List<String> paths(String value) {
        List<String> paths = new ArrayList<>();
        for (String part : value.split(":")) {
            String path = part.strip();
            if (!path.isEmpty() && !path.contains("$")) {
                RepoPaths.normalize("", path).ifPresent(paths::add);
            }
        }
        return paths;
    }
}
