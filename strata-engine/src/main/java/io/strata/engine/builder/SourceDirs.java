package io.strata.engine.builder;

import io.strata.engine.source.DirectorySourceTree;
import io.strata.engine.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder on disk that holds a source tree, for {@code ansible-playbook} to run in: a
 * directory tree is used where it is; a git revision's tree is written out under a folder of
 * the build (so the playbook that runs is exactly the one analysed for the input digest).
 */
public final class SourceDirs {

    private SourceDirs() {
    }

    /**
     * The folder of a tree.
     *
     * @param tree the tree
     * @param scratch where a tree that is not on disk is written (created when needed)
     */
    public static Path of(SourceTree tree, Path scratch) {
        if (tree instanceof DirectorySourceTree directory) {
            return directory.root().toAbsolutePath().normalize();
        }
        try {
            for (String path : tree.files()) {
                Path file = scratch.resolve(path).normalize();
                if (!file.startsWith(scratch)) {
                    throw new IllegalArgumentException("path escapes the tree: " + path);
                }
                Files.createDirectories(file.getParent());
                Files.write(file, tree.read(path).orElseThrow());
            }
            Files.createDirectories(scratch);
            return scratch.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sources to " + scratch, e);
        }
    }
}
