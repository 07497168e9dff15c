package io.strata.engine.change;

/**
 * One changed file between two revisions.
 *
 * @param kind what happened to it
 * @param oldPath its path at the base revision (null when added)
 * @param newPath its path at the head revision (null when deleted)
 */
public record ChangedFile(Kind kind, String oldPath, String newPath) {

    /** What happened to a file. */
    public enum Kind { ADDED, MODIFIED, DELETED, RENAMED, COPIED }

    /** A modified file known only by its path (both paths equal). */
    public static ChangedFile modified(String path) {
        return new ChangedFile(Kind.MODIFIED, path, path);
    }

    /** The head path, or the base path for a deletion. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}
