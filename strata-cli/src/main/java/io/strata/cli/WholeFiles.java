package io.strata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files a command writes whole ({@code result.json}, {@code report.html}), so that a reader never sees half of one. */
final class WholeFiles {

    private WholeFiles() {
    }

    /** Writes the file whole, by a rename, so that a reader (or a run ending at the same time) never sees half of it. */
    static void write(Path file, String text) {
        try {
            Path part = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            Files.writeString(part, text);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
