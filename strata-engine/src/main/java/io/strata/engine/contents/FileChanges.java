package io.strata.engine.contents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How the files of two images differ, paths that change on every build by nature left out
 * ({@link IgnoredPaths}), each list sorted by path; and the bytes of their regular files.
 *
 * @param added entries only the new image has
 * @param removed entries only the old image has
 * @param changed entries both have that differ, with what differs
 * @param bytesBefore the old image's regular files' bytes (0 for none)
 * @param bytesAfter the new image's
 */
public record FileChanges(List<Change> added, List<Change> removed, List<Change> changed, long bytesBefore, long bytesAfter) {

    /**
     * One entry's change.
     *
     * @param path the path
     * @param what what differs, among {@code type}, {@code content}, {@code mode}, {@code owner},
     *     {@code target} (empty for an added or removed entry)
     * @param sizeBefore its size in the old image (-1 when absent)
     * @param sizeAfter its size in the new image (-1 when absent)
     */
    public record Change(String path, List<String> what, long sizeBefore, long sizeAfter) {

        /** Keeps an unmodifiable copy. */
        public Change {
            what = List.copyOf(what);
        }
    }

    /** Keeps unmodifiable copies. */
    public FileChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** The changes from one image's files to another's, ignoring the paths given. */
    public static FileChanges between(Map<String, FileEntry> before, Map<String, FileEntry> after, IgnoredPaths ignored) {
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            if (ignored.matches(path)) {
                continue;
            }
            FileEntry old = before.get(path);
            FileEntry now = after.get(path);
            if (old == null) {
                added.add(new Change(path, List.of(), -1, now.size()));
            } else if (now == null) {
                removed.add(new Change(path, List.of(), old.size(), -1));
            } else {
                List<String> what = differences(old, now);
                if (!what.isEmpty()) {
                    changed.add(new Change(path, what, old.size(), now.size()));
                }
            }
        }
        return new FileChanges(added, removed, changed, bytes(before), bytes(after));
    }

    private static List<String> differences(FileEntry old, FileEntry now) {
        List<String> what = new ArrayList<>();
        if (!old.type().equals(now.type())) {
            what.add("type");
        } else if (old.type().equals("f") && (old.size() != now.size() || !Objects.equals(old.sha256(), now.sha256()))) {
            what.add("content");
        }
        if (!old.mode().equals(now.mode())) {
            what.add("mode");
        }
        if (!old.uid().equals(now.uid()) || !old.gid().equals(now.gid())) {
            what.add("owner");
        }
        if (!old.target().equals(now.target())) {
            what.add("target");
        }
        return what;
    }

    private static long bytes(Map<String, FileEntry> entries) {
        long total = 0;
        for (FileEntry entry : entries.values()) {
            if (entry.type().equals("f")) {
                total += entry.size();
            }
        }
        return total;
    }

    /** How many entries differ. */
    public int count() {
        return added.size() + removed.size() + changed.size();
    }
}
