package io.strata.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the bundled example site (or a folder of it) for tests to change and commit. */
final class ExampleSite {

    /** The bundled example, from the module's folder. */
    static final Path DIR = Path.of("..", "examples", "cluster");

    private ExampleSite() {
    }

    /** Copies the example into {@code to}. */
    static void copyTo(Path to) throws IOException {
        copyTree(DIR, to);
    }

    /** Copies a folder tree. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
