package io.strata.cli;

import io.strata.engine.builder.SourceInfo;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The repository URL and commit of a site checkout, for the images' provenance labels. */
final class SourceRevision {

    private SourceRevision() {
    }

    /** The checkout's {@code origin} URL and HEAD commit ({@code -dirty} when files changed); unknown outside git. */
    static SourceInfo of(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return SourceInfo.UNKNOWN;
        }
        try (Repository repository = builder.build(); Git git = new Git(repository)) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return SourceInfo.UNKNOWN;
            }
            String url = repository.getConfig().getString("remote", "origin", "url");
            boolean clean = git.status().call().isClean();
            return new SourceInfo(url, head.name() + (clean ? "" : "-dirty"));
        } catch (IOException | GitAPIException e) {
            return SourceInfo.UNKNOWN;
        }
    }
}
