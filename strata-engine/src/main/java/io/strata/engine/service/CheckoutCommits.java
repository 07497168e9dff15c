package io.strata.engine.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The commits a checkout knows: its HEAD, and whether a revision is in its object store. */
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
