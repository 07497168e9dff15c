package io.strata.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

/** The files of a directory on disk as they are now (the .git folder excluded), listed once on first use. */
public final class DirectorySourceTree implements SourceTree {

    private final Path root;
    private volatile NavigableSet<String> files;

    private DirectorySourceTree(Path root) {
        this.root = root;
    }

    /** A directory's files; the listing is read once, on first use. */
    public static DirectorySourceTree of(Path root) {
        return new DirectorySourceTree(root);
    }

    private static NavigableSet<String> list(Path root) {
        NavigableSet<String> files = new TreeSet<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return Collections.unmodifiableNavigableSet(files);
    }

    /** The directory this tree was read from. */
    public Path root() {
        return root;
    }

    @Override
    public String revision() {
        return null;
    }

    @Override
    public NavigableSet<String> files() {
        NavigableSet<String> listed = files;
        if (listed == null) {
            synchronized (this) {
                if (files == null) {
                    files = list(root);
                }
                listed = files;
            }
        }
        return listed;
    }

    @Override
    public Optional<byte[]> read(String path) {
        if (!files().contains(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(root.resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(path), e);
        }
    }

    @Override
    public Optional<String> contentId(String path) {
        return read(path).map(bytes -> {
            try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
                return formatter.idFor(Constants.OBJ_BLOB, bytes).name();
            }
        });
    }
}
