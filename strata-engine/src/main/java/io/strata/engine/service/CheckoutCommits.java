package io.strata.engine.service;

import io.strata.engine.builder.SourceInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The commits a checkout knows: its HEAD, whether a revision is in its object store, where it came from. */
final class CheckoutCommits {

    private CheckoutCommits() {
    }

    /** The commit checked out in the repository holding {@code dir}; empty outside git or before the first commit. */
    static Optional<String> head(Path dir) {
        return resolve(dir, "HEAD");
    }

    /** Whether the repository holding {@code dir} has the commit a revision names. */
    static boolean has(Path dir, String revision) {
        return resolve(dir, revision).isPresent();
    }

    /** The checkout's {@code origin} URL and HEAD commit ({@code -dirty} when files changed); unknown outside git. */
    static SourceInfo source(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return SourceInfo.UNKNOWN;
        }
        try (Repository repository = builder.setMustExist(true).build(); Git git = new Git(repository)) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return SourceInfo.UNKNOWN;
            }
            boolean clean = git.status().call().isClean();
            return new SourceInfo(repository.getConfig().getString("remote", "origin", "url"), head.name() + (clean ? "" : "-dirty"));
        } catch (IOException | GitAPIException e) {
            return SourceInfo.UNKNOWN;
        }
    }

    private static Optional<String> resolve(Path dir, String revision) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            ObjectId id = repository.resolve(revision + "^{commit}");
            return Optional.ofNullable(id).map(ObjectId::name);
        } catch (RevisionSyntaxException | AmbiguousObjectException | MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read git repository at " + dir, e);
        }
    }
}
