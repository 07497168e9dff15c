package io.strata.engine.builder.process;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * A node's log file: every line of every command it runs, time-stamped, secrets masked, flushed
 * as it comes so that {@code tail -f} follows a running build.
 */
public final class LogFile implements OutputSink, AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path path;
    private final SecretMask mask;
    private final BufferedWriter writer;

    /**
     * Opens (and truncates) a log file.
     *
     * @param path the file; its folder is created
     * @param mask the secrets to hide
     */
    public LogFile(Path path, SecretMask mask) {
        this.path = path;
        this.mask = mask;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + path, e);
        }
    }

    /** Where the log is. */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void line(Stream stream, String line) {
        try {
            writer.write(LocalTime.now().format(TIME));
            writer.write(switch (stream) {
                case OUT -> "   ";
                case ERR -> " ! ";
                case INFO -> " # ";
            });
            writer.write(mask.apply(line));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + path, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the log " + path, e);
        }
    }
}
