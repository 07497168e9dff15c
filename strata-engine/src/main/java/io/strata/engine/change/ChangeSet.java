package io.strata.engine.change;

import io.strata.engine.source.SourceTree;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed in one repository between two revisions, with both revisions' trees so that the
 * analysis can run at both.
 *
 * @param repo the repository name, or null for the repository of the layers file
 * @param baseRevision the base commit, or null when unknown
 * @param headRevision the head commit, or null when unknown
 * @param files the changed files, sorted by path
 * @param base the tree at the base revision
 * @param head the tree at the head revision
 * @param precise false when only paths are known (a list given by a caller): values cannot
 *     be compared, so every variable defined in a changed inventory file counts as changed
 */
public record ChangeSet(
        String repo,
        String baseRevision,
        String headRevision,
        List<ChangedFile> files,
        SourceTree base,
        SourceTree head,
        boolean precise) {

    /** Every path the change touches, at either revision. */
    public Set<String> paths() {
        Set<String> paths = new TreeSet<>();
        for (ChangedFile file : files) {
            if (file.oldPath() != null) {
                paths.add(file.oldPath());
            }
            if (file.newPath() != null) {
                paths.add(file.newPath());
            }
        }
        return paths;
    }
}
