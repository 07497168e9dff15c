package io.strata.engine.source;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Normalisation of repository-relative paths. */
public final class RepoPaths {

    private RepoPaths() {
    }

    /**
     * Resolves {@code path} against the directory {@code dir} (both repository-relative) and
     * normalises "." and ".." segments. An absolute path or one that climbs out of the repository
     * gives an empty result.
     */
    public static Optional<String> normalize(String dir, String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.startsWith("~")) {
            return Optional.empty();
        }
        if (isNormal(path) && (dir == null || dir.isEmpty() || isNormal(dir))) {
            return Optional.of(dir == null || dir.isEmpty() ? path : dir + "/" + path);
        }
        Deque<String> parts = new ArrayDeque<>();
        String joined = dir == null || dir.isEmpty() ? path : dir + "/" + path;
        for (String part : joined.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.of("") : Optional.of(String.join("/", parts));
    }

    /**
     * Whether a relative path is already in normal form: no empty, "." or ".." segment and no
     * backslash (most paths are, and then need no splitting).
     */
    private static boolean isNormal(String path) {
        int start = 0;
        while (true) {
            int end = path.indexOf('/', start);
            int stop = end < 0 ? path.length() : end;
            int length = stop - start;
            if (length == 0 || length == 1 && path.charAt(start) == '.'
                    || length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                return false;
            }
            if (end < 0) {
                return path.indexOf('\\') < 0;
            }
            start = end + 1;
        }
    }

    /** The directory part of a path ("" for a top-level file). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a path. */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
