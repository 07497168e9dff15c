package io.strata.engine.source;

import java.nio.charset.StandardCharsets;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * A read-only view of one repository's files at one revision: a git tree read from the object
 * store, or a directory on disk. Paths are relative, '/'-separated and normalised
 * ({@link RepoPaths#normalize}).
 */
public interface SourceTree {

    /** The commit this tree was read from, or {@code null} for a directory or an empty tree. */
    String revision();

    /** Every file path in the tree, sorted. */
    NavigableSet<String> files();

    /** The bytes of a file, or empty when there is no such file. */
    Optional<byte[]> read(String path);

    /** An identifier of a file's content (the git blob id), equal for equal contents. */
    Optional<String> contentId(String path);

    /** Whether a file exists at this path. */
    default boolean isFile(String path) {
        return files().contains(path);
    }

    /** Whether some file lies below this directory path ("" is the root). */
    default boolean isDirectory(String path) {
        if (path.isEmpty()) {
            return !files().isEmpty();
        }
        String prefix = path + "/";
        String next = files().ceiling(prefix);
        return next != null && next.startsWith(prefix);
    }

    /** The files below a directory path, recursively, sorted. */
    default NavigableSet<String> filesUnder(String dir) {
        if (dir.isEmpty()) {
            return files();
        }
        String prefix = dir + "/";
        return files().subSet(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** A file decoded as UTF-8. */
    default Optional<String> readString(String path) {
        return read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
}
