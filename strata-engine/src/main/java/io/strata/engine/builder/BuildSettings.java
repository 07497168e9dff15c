package io.strata.engine.builder;

import io.strata.engine.builder.ansible.Connection;
import io.strata.engine.builder.ansible.PlaybookCommand;
import io.strata.engine.builder.publish.SquashfsOptions;
import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Problem;
import io.strata.engine.contents.IgnoredPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The build options of a site, from {@code settings.build} in {@code layers.yaml} (every key
 * optional); command-line options override them.
 *
 * <pre>
 * settings:
 *   registry: registry.example.org:5000
 *   build:
 *     storage_driver: auto          # auto (overlay when it works, else vfs) | overlay | vfs
 *     isolation: chroot
 *     connection: chroot            # chroot | buildah
 *     connection_attempts: 3        # runs of a layer whose connection failed transiently
 *     python_interpreter: /usr/bin/python3
 *     insecure_registries: []       # registries reached without TLS verification
 *     push_attempts: 3
 *     jobs: 2
 *     squashfs: {dir: images, compression: zstd, level: 3}
 *     test: {command: [test, -x, /usr/bin/python3]}   # or {playbook: tests/image.yml}
 *     changes: true                 # each node's package and file changes and its SBOM
 *     changes_ignore: [opt/site/stamp, var/lib/site-cache/]   # beside the defaults
 * </pre>
 *
 * @param storageDriver {@code auto}, {@code overlay} or {@code vfs}
 * @param isolation buildah's isolation
 * @param connection the Ansible connection
 * @param connectionAttempts runs of a layer on a transient connection failure (0: the connection's default)
 * @param pythonInterpreter the interpreter Ansible uses in images
 * @param insecureRegistries registries reached without TLS verification
 * @param pushAttempts attempts of a registry operation while the registry is unreachable
 * @param jobs how many nodes build at once
 * @param squashfs the squashfs export, or null for none
 * @param test the check run before publishing, or null for none
 * @param changes whether each built node's changes and SBOM are recorded
 * @param changesIgnored the paths a node's file changes leave out (the defaults and the site's)
 */
public record BuildSettings(
        String storageDriver,
        String isolation,
        Connection connection,
        int connectionAttempts,
        String pythonInterpreter,
        Set<String> insecureRegistries,
        int pushAttempts,
        int jobs,
        SquashfsOptions squashfs,
        ImageTest test,
        boolean changes,
        IgnoredPaths changesIgnored) {

    /** The storage driver setting that picks overlay when it works, else vfs. */
    public static final String AUTO = "auto";

    private static final Set<String> KEYS = Set.of("storage_driver", "isolation", "connection", "connection_attempts",
            "python_interpreter", "insecure_registries", "push_attempts", "jobs", "squashfs", "test", "changes", "changes_ignore");

    /** Keeps an immutable copy of the registries. */
    public BuildSettings {
        insecureRegistries = Set.copyOf(insecureRegistries);
    }

    /** The defaults. */
    public static BuildSettings defaults() {
        return new BuildSettings(AUTO, "chroot", Connection.CHROOT, 0, PlaybookCommand.DEFAULT_PYTHON, Set.of(), 3, 2, null, null,
                true, IgnoredPaths.DEFAULTS);
    }

    /**
     * Reads {@code settings.build} of a layers file.
     *
     * @param config the parsed layers file
     * @param siteDir the layers file's folder (a relative squashfs folder is resolved against it)
     * @throws ConfigException listing every wrong key or value
     */
    public static BuildSettings of(LayersConfig config, Path siteDir) {
        Object raw = config.settings().raw().get("build");
        BuildSettings defaults = defaults();
        if (raw == null) {
            return defaults;
        }
        Reader reader = new Reader(config);
        if (!(raw instanceof Map<?, ?> map)) {
            throw new ConfigException(reader.problem("build", "must be a mapping", "write 'build: {connection: chroot}'"));
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                reader.problems.add(reader.problem(String.valueOf(key), "unknown build setting",
                        "the build settings are " + String.join(", ", new TreeSet<>(KEYS))));
            }
        }
        String driver = reader.choice(map, "storage_driver", defaults.storageDriver(), Set.of(AUTO, "overlay", "vfs"));
        String isolation = reader.choice(map, "isolation", defaults.isolation(), Set.of("chroot", "oci", "rootless"));
        String connectionName = reader.choice(map, "connection", defaults.connection().key(), Set.of("chroot", "buildah"));
        int attempts = reader.number(map, "connection_attempts", 0, 0, 10);
        String python = reader.text(map, "python_interpreter", defaults.pythonInterpreter());
        Set<String> insecure = new TreeSet<>(reader.list(map, "insecure_registries"));
        int push = reader.number(map, "push_attempts", defaults.pushAttempts(), 1, 10);
        int jobs = reader.number(map, "jobs", defaults.jobs(), 1, 64);
        SquashfsOptions squashfs = reader.squashfs(map.get("squashfs"), siteDir);
        ImageTest test = reader.test(map.get("test"));
        boolean changes = reader.flag(map, "changes", true);
        IgnoredPaths ignored = reader.ignored(map);
        if (!reader.problems.isEmpty()) {
            throw new ConfigException(reader.problems);
        }
        return new BuildSettings(driver, isolation, Connection.parse(connectionName), attempts, python, insecure, push, jobs,
                squashfs, test, changes, ignored);
    }

    /** Collects problems while reading. */
    private static final class Reader {

        private final LayersConfig config;
        private final List<Problem> problems = new ArrayList<>();

        Reader(LayersConfig config) {
            this.config = config;
        }

        /** A problem at the key's place in the file ({@code key} below {@code settings.build}). */
        Problem problem(String key, String message, String hint) {
            return new Problem(config.settings().location(config.file(), "build." + key), "settings.build." + key, message, hint);
        }

        String text(Map<?, ?> map, String key, String fallback) {
            Object value = map.get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
            problems.add(problem(key, "must be a text", "write " + key + ": VALUE"));
            return fallback;
        }

        String choice(Map<?, ?> map, String key, String fallback, Set<String> allowed) {
            String value = text(map, key, fallback);
            if (!allowed.contains(value)) {
                problems.add(problem(key, "'" + value + "' is not one of " + new TreeSet<>(allowed), "pick one of them"));
                return fallback;
            }
            return value;
        }

        boolean flag(Map<?, ?> map, String key, boolean fallback) {
            Object value = map.get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Boolean flag) {
                return flag;
            }
            problems.add(problem(key, "must be true or false", "write " + key + ": " + fallback));
            return fallback;
        }

        int number(Map<?, ?> map, String key, int fallback, int min, int max) {
            Object value = map.get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Integer number && number >= min && number <= max) {
                return number;
            }
            problems.add(problem(key, "must be a whole number from " + min + " to " + max, "write " + key + ": " + Math.max(min, 1)));
            return fallback;
        }

        List<String> list(Map<?, ?> map, String key) {
            Object value = map.get(key);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> items && items.stream().allMatch(item -> item instanceof String)) {
                return items.stream().map(String.class::cast).toList();
            }
            problems.add(problem(key, "must be a list of texts", "write " + key + ": ['a', 'b']"));
            return List.of();
        }

        /** {@code changes_ignore}: paths below the root (a folder ends in /), added to the defaults. */
        IgnoredPaths ignored(Map<?, ?> map) {
            List<String> patterns = new ArrayList<>(IgnoredPaths.DEFAULTS.patterns());
            for (String path : list(map, "changes_ignore")) {
                String pattern = path.strip().replaceFirst("^/+", "");
                if (pattern.isEmpty() || pattern.equals("/") || List.of(pattern.split("/")).contains("..")) {
                    problems.add(problem("changes_ignore", "'" + path + "' is no path below the image's root",
                            "write paths like var/lib/site-cache/ (a folder, with its trailing /) or etc/stamp"));
                } else {
                    patterns.add(pattern);
                }
            }
            return new IgnoredPaths(patterns);
        }

        SquashfsOptions squashfs(Object value, Path siteDir) {
            if (value == null || Boolean.FALSE.equals(value)) {
                return null;
            }
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(problem("squashfs", "must be a mapping", "write squashfs: {dir: images, compression: zstd, level: 3}"));
                return null;
            }
            String dir = text(map, "dir", "squashfs");
            String compression = text(map, "compression", SquashfsOptions.DEFAULT_COMPRESSION);
            Object level = map.get("level");
            try {
                int parsed = level == null ? (compression.equals(SquashfsOptions.DEFAULT_COMPRESSION) ? SquashfsOptions.DEFAULT_LEVEL : 0)
                        : level instanceof Integer number ? number : -1;
                return new SquashfsOptions(siteDir.resolve(dir).normalize(), compression, parsed);
            } catch (IllegalArgumentException e) {
                problems.add(problem("squashfs", e.getMessage(), "write squashfs: {compression: zstd, level: 3}"));
                return null;
            }
        }

        ImageTest test(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> map && map.size() == 1) {
                Object command = map.get("command");
                Object playbook = map.get("playbook");
                if (command instanceof List<?> words && !words.isEmpty() && words.stream().allMatch(w -> w instanceof String)) {
                    return new ImageTest(words.stream().map(String.class::cast).toList(), null);
                }
                if (playbook instanceof String path && !path.isBlank()) {
                    return new ImageTest(List.of(), path);
                }
            }
            problems.add(problem("test", "must be {command: [argv...]} or {playbook: path}",
                    "write test: {command: [test, -x, /usr/bin/python3]}"));
            return null;
        }
    }
}
