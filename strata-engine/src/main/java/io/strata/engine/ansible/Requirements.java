package io.strata.engine.ansible;

import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The roles and collections a repository installs with {@code ansible-galaxy}, and their pinned
 * versions, from {@code requirements.yml}, {@code roles/requirements.yml} and
 * {@code collections/requirements.yml}: a list of roles, or a mapping with {@code roles:} and
 * {@code collections:} lists. A file that cannot be parsed contributes nothing (its own change is
 * a changed path like any other).
 */
public final class Requirements {

    /** The requirements files read, in order; a name listed twice keeps its first version. */
    static final List<String> FILES = List.of("requirements.yml", "roles/requirements.yml",
            "collections/requirements.yml");

    private Requirements() {
    }

    /**
     * Role and collection names with their pinned versions ({@code ""} when not pinned), sorted.
     * A role is named as it is installed: its {@code name:}, else its galaxy name, else the
     * repository name of its URL.
     */
    public static Map<String, String> load(SourceTree tree) {
        Map<String, String> versions = new TreeMap<>();
        for (String file : FILES) {
            read(tree, file, versions, 0);
        }
        return Collections.unmodifiableMap(versions);
    }

    private static void read(SourceTree tree, String file, Map<String, String> versions, int depth) {
        Object data = tree.read(file).map(ParsedFile::parse).map(ParsedFile::data).orElse(null);
        if (data instanceof List<?> roles) {
            roles(tree, file, roles, versions, depth);
        } else if (data instanceof Map<?, ?> map) {
            if (map.get("roles") instanceof List<?> roles) {
                roles(tree, file, roles, versions, depth);
            }
            if (map.get("collections") instanceof List<?> collections) {
                for (Object collection : collections) {
                    collection(collection, versions);
                }
            }
        }
    }

    private static void roles(SourceTree tree, String file, List<?> roles, Map<String, String> versions, int depth) {
        for (Object role : roles) {
            if (role instanceof Map<?, ?> map && map.get("include") instanceof String include && depth < 5) {
                RepoPaths.normalize(RepoPaths.parent(file), include)
                        .ifPresent(path -> read(tree, path, versions, depth + 1));
            } else if (role instanceof Map<?, ?> map) {
                Object source = map.get("src") != null ? map.get("src") : map.get("name");
                if (source != null) {
                    List<String> parts = split(String.valueOf(source));
                    String name = map.get("name") != null ? String.valueOf(map.get("name")) : roleName(parts.get(0));
                    String version = map.get("version") != null || parts.size() < 2 ? version(map.get("version")) : parts.get(1);
                    versions.putIfAbsent(name, version);
                }
            } else if (role != null) {
                List<String> parts = split(String.valueOf(role));
                String name = parts.size() > 2 && !parts.get(2).isEmpty() ? parts.get(2) : roleName(parts.get(0));
                versions.putIfAbsent(name, parts.size() > 1 ? parts.get(1) : "");
            }
        }
    }

    private static void collection(Object collection, Map<String, String> versions) {
        if (collection instanceof Map<?, ?> map && map.get("name") != null) {
            String name = String.valueOf(map.get("name"));
            if ("git".equals(map.get("type")) || name.contains("://")) {
                name = roleName(name);
            }
            versions.putIfAbsent(name, version(map.get("version")));
        } else if (collection != null) {
            String text = String.valueOf(collection).strip();
            int colon = text.indexOf(':');
            versions.putIfAbsent(colon < 0 ? text : text.substring(0, colon), colon < 0 ? "" : text.substring(colon + 1));
        }
    }

    /** The installed name of a role source: a galaxy name as is, a URL's last path segment without .git. */
    private static String roleName(String source) {
        String name = source.strip();
        if (!name.contains("://") && !name.contains("@") && !name.contains("/")) {
            return name;
        }
        int comma = name.indexOf(',');
        if (comma >= 0) {
            name = name.substring(0, comma);
        }
        name = name.replaceAll("/+$", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
        return name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
    }

    private static String version(Object version) {
        return version == null ? "" : String.valueOf(version).strip();
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            parts.add(part.strip());
        }
        return parts;
    }
}
