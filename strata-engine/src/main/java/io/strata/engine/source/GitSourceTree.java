package io.strata.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A commit's tree read straight from the git object store, without a checkout. The listing is
 * read once; file contents are read on demand (safe from several threads).
 */
public final class GitSourceTree implements SourceTree {

    private final Repository repository;
    private final String revision;
    private final Map<String, ObjectId> blobs;
    private final NavigableSet<String> files;

    private GitSourceTree(Repository repository, String revision, Map<String, ObjectId> blobs, TreeSet<String> files) {
        this.repository = repository;
        this.revision = revision;
        this.blobs = blobs;
        this.files = Collections.unmodifiableNavigableSet(files);
    }

    /** Reads the listing of a commit's tree. */
    public static GitSourceTree of(Repository repository, RevCommit commit) {
        Map<String, ObjectId> blobs = new HashMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                if (isFile(walk.getFileMode(0))) {
                    blobs.put(walk.getPathString(), walk.getObjectId(0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tree of " + commit.name(), e);
        }
        return new GitSourceTree(repository, commit.name(), blobs, new TreeSet<>(blobs.keySet()));
    }

    /**
     * The tree of an earlier commit, from this listing and the diff that leads from that commit
     * to this one, without walking the earlier tree.
     *
     * @param commit the earlier commit
     * @param diff the entries of the diff from {@code commit} to this tree's commit (renames
     *     and copies detected or not)
     */
    public GitSourceTree before(RevCommit commit, List<DiffEntry> diff) {
        Map<String, ObjectId> earlier = new HashMap<>(blobs);
        TreeSet<String> paths = new TreeSet<>(files);
        for (DiffEntry entry : diff) {
            if (entry.getChangeType() != DiffEntry.ChangeType.DELETE) {
                earlier.remove(entry.getNewPath());
                paths.remove(entry.getNewPath());
            }
        }
        for (DiffEntry entry : diff) {
            if (entry.getChangeType() != DiffEntry.ChangeType.ADD && isFile(entry.getOldMode())) {
                earlier.put(entry.getOldPath(), entry.getOldId().toObjectId());
                paths.add(entry.getOldPath());
            }
        }
        return new GitSourceTree(repository, commit.name(), earlier, paths);
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE || mode == FileMode.SYMLINK;
    }

    @Override
    public String revision() {
        return revision;
    }

    @Override
    public NavigableSet<String> files() {
        return files;
    }

    @Override
    public Optional<byte[]> read(String path) {
        ObjectId id = blobs.get(path);
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(repository.open(id).getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " at " + revision, e);
        }
    }

    @Override
    public boolean isFile(String path) {
        return blobs.containsKey(path);
    }

    @Override
    public Optional<String> contentId(String path) {
        return Optional.ofNullable(blobs.get(path)).map(ObjectId::name);
    }
}
