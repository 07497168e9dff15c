package io.strata.engine.contents;

import java.util.List;

/**
 * Paths whose changes a node's file changes leave out because they change on every build by
 * nature: caches, logs, the package managers' downloaded indexes and backup files, the machine
 * id and Ansible's own scratch files ({@link #DEFAULTS}; a site adds its own in
 * {@code settings.build.changes_ignore}). A pattern is a path below the root; one that ends in
 * {@code /} stands for everything below that folder.
 *
 * @param patterns the paths and folders left out
 */
public record IgnoredPaths(List<String> patterns) {

    /** What changes on every build by nature (docs/build.md lists it). */
    public static final IgnoredPaths DEFAULTS = new IgnoredPaths(List.of("tmp/", "var/tmp/", "var/cache/", "var/log/",
            "var/lib/apt/lists/", "var/lib/dpkg/status-old", "var/lib/dpkg/diversions-old", "var/lib/dpkg/statoverride-old",
            "var/lib/dpkg/triggers/", "etc/machine-id", "var/lib/dbus/machine-id", "etc/ld.so.cache", "root/.ansible/",
            "root/.cache/", "run/", "etc/resolv.conf"));

    /** Keeps an unmodifiable copy. */
    public IgnoredPaths {
        patterns = List.copyOf(patterns);
    }

    /** Whether a path is left out. */
    public boolean matches(String path) {
        for (String pattern : patterns) {
            if (pattern.endsWith("/") ? path.startsWith(pattern) || path.equals(pattern.substring(0, pattern.length() - 1))
                    : path.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
