package io.strata.engine.ansible;

import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's {@code find_vars_files}: how role entry files ({@code tasks/main.yml}) and
 * {@code group_vars/<group>} files are found.
 */
final class VarsFiles {

    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    private VarsFiles() {
    }

    /**
     * The files a name stands for in a directory: the first of {@code name}, {@code name.yml},
     * {@code name.yaml}, {@code name.json} that exists; with {@code allowDir}, a directory
     * {@code name} stands for the vars files below it.
     */
    static List<String> find(SourceTree tree, String dir, String name, boolean allowDir) {
        String path = SearchDirs.join(dir, name);
        if (path == null || path.isEmpty()) {
            return List.of();
        }
        for (String extension : EXTENSIONS) {
            String candidate = path + extension;
            if (tree.isFile(candidate)) {
                return List.of(candidate);
            }
            if (extension.isEmpty() && allowDir && tree.isDirectory(candidate)) {
                return under(tree, candidate);
            }
        }
        return List.of();
    }

    /**
     * The vars files below a directory, as Ansible reads them: hidden and backup ({@code ~})
     * names skipped, sub-directories without an extension descended, files with a YAML or JSON
     * extension or none.
     */
    static List<String> under(SourceTree tree, String dir) {
        List<String> files = new ArrayList<>();
        for (String path : tree.filesUnder(dir)) {
            String[] segments = path.substring(dir.length() + 1).split("/");
            boolean read = true;
            for (int i = 0; i < segments.length && read; i++) {
                String segment = segments[i];
                String extension = extension(segment);
                read = !segment.startsWith(".") && !segment.endsWith("~")
                        && (i == segments.length - 1 ? EXTENSIONS.contains(extension) : extension.isEmpty());
            }
            if (read) {
                files.add(path);
            }
        }
        return files;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }
}
