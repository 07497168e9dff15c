package io.strata.engine.change;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.parallel.Futures;
import io.strata.engine.source.GitSourceTree;
import io.strata.engine.source.SourceTree;
import io.strata.engine.source.SubtreeSourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Change sets read from git with JGit: the diff between two commits (or from their merge base,
 * like {@code git diff A...B}), renames detected, both trees read from the object store.
 */
public final class GitChangeSets {

    private GitChangeSets() {
    }

    /**
     * What changed in the repository holding {@code siteDir}, restricted to that directory.
     *
     * @param siteDir the directory whose files are analysed (a repository or a folder in one)
     * @param repoName the repository's name in a multi-repository site, or null
     * @param base the base revision (any git revision expression)
     * @param head the head revision; null means HEAD
     * @param fromMergeBase diff from the merge base of base and head instead of from base
     * @throws ConfigException when the directory is no git repository or a revision is unknown
     */
    public static ChangeSet between(Path siteDir, String repoName, String base, String head, boolean fromMergeBase) {
        Path dir = siteDir.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            throw new ConfigException(new Problem(SourceLocation.of(dir.toString()), "base",
                    "not inside a git repository", "run in a clone of the site repository, or list the changed files instead"));
        }
        try (Repository repository = builder.setMustExist(true).build(); RevWalk walk = new RevWalk(repository)) {
            Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            String prefix = top.relativize(dir).toString().replace('\\', '/');
            RevCommit headCommit = commit(walk, repository, head == null ? "HEAD" : head);
            // The head's listing does not depend on the diff: it is read on a second thread meanwhile.
            CompletableFuture<GitSourceTree> listing = CompletableFuture.supplyAsync(() -> GitSourceTree.of(repository, headCommit));
            try {
                RevCommit baseCommit = commit(walk, repository, base);
                if (fromMergeBase) {
                    baseCommit = mergeBase(repository, baseCommit, headCommit, base, head);
                }
                List<DiffEntry> diff = diff(repository, baseCommit, headCommit);
                List<ChangedFile> files = changedFiles(diff, prefix);
                GitSourceTree headListing = Futures.join(listing);
                SourceTree baseTree = SubtreeSourceTree.of(headListing.before(baseCommit, diff), prefix);
                SourceTree headTree = SubtreeSourceTree.of(headListing, prefix);
                return new ChangeSet(repoName, baseCommit.name(), headCommit.name(), files, baseTree, headTree, true);
            } finally {
                // After a failure too, the listing ends before the repository is closed.
                listing.handle((tree, failure) -> tree).join();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read git repository at " + dir, e);
        }
    }

    private static RevCommit commit(RevWalk walk, Repository repository, String revision) throws IOException {
        ObjectId id = resolve(repository, revision);
        try {
            return walk.parseCommit(id);
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            throw unknown(repository, revision);
        }
    }

    private static ConfigException unknown(Repository repository, String revision) {
        return new ConfigException(new Problem(SourceLocation.of(repository.getWorkTree().toString()), revision,
                RevisionHints.problem(revision), RevisionHints.hint(revision)));
    }

    private static ObjectId resolve(Repository repository, String revision) throws IOException {
        ObjectId id;
        try {
            id = revision.equals(RevisionHints.NO_COMMIT) ? null : repository.resolve(revision + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException
                | org.eclipse.jgit.errors.MissingObjectException e) {
            // A full commit id that the clone lacks (a shallow clone) fails here, not with null.
            id = null;
        }
        if (id == null) {
            throw unknown(repository, revision);
        }
        return id;
    }

    private static RevCommit mergeBase(Repository repository, RevCommit base, RevCommit head, String baseName, String headName) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(base));
            walk.markStart(walk.parseCommit(head));
            RevCommit mergeBase = walk.next();
            if (mergeBase == null) {
                throw new ConfigException(new Problem(SourceLocation.of(repository.getWorkTree().toString()), baseName,
                        "'" + baseName + "' and '" + (headName == null ? "HEAD" : headName) + "' have no common ancestor",
                        "fetch the full history (git fetch --unshallow), or compare with the base itself rather than the merge base"));
            }
            return mergeBase;
        }
    }

    private static List<DiffEntry> diff(Repository repository, RevCommit base, RevCommit head) throws IOException {
        try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            formatter.setDetectRenames(true);
            return formatter.scan(base.getTree(), head.getTree());
        }
    }

    private static List<ChangedFile> changedFiles(List<DiffEntry> diff, String prefix) {
        List<ChangedFile> files = new ArrayList<>();
        for (DiffEntry entry : diff) {
            String oldPath = relative(entry.getOldPath(), prefix);
            String newPath = relative(entry.getNewPath(), prefix);
            if (oldPath != null || newPath != null) {
                files.add(new ChangedFile(kind(entry.getChangeType()), oldPath, newPath));
            }
        }
        files.sort(Comparator.comparing(ChangedFile::path));
        return List.copyOf(files);
    }

    private static String relative(String path, String prefix) {
        if (path == null || path.equals(DiffEntry.DEV_NULL)) {
            return null;
        }
        if (prefix.isEmpty()) {
            return path;
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length() + 1) : null;
    }

    private static ChangedFile.Kind kind(DiffEntry.ChangeType type) {
        return switch (type) {
            case ADD -> ChangedFile.Kind.ADDED;
            case MODIFY -> ChangedFile.Kind.MODIFIED;
            case DELETE -> ChangedFile.Kind.DELETED;
            case RENAME -> ChangedFile.Kind.RENAMED;
            case COPY -> ChangedFile.Kind.COPIED;
        };
    }
}
