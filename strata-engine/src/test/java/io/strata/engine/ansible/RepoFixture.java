package io.strata.engine.ansible;

import io.strata.engine.source.DirectorySourceTree;
import io.strata.engine.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a configuration repository's files into a directory and reads it as a source tree. */
final class RepoFixture {

    private final Path root;

    RepoFixture(Path root) {
        this.root = root;
    }

    /** Writes a file (its folders created). */
    RepoFixture file(String path, String content) {
        return bytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file's bytes. */
    RepoFixture bytes(String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The tree as it is now. */
    SourceTree tree() {
        return DirectorySourceTree.of(root);
    }
}
