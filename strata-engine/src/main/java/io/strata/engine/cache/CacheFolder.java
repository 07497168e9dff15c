package io.strata.engine.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder of a persistent cache: where it is by default, its segment files from the most
 * recently used, and what keeps it within its size cap (the least recently used segments go
 * first). A run marks the segments it read from as used.
 *
 * @param dir the folder
 * @param maxBytes the size cap of its segments together
 */
public record CacheFolder(Path dir, long maxBytes) {

    /** The size cap when none is given: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;

    /** The environment variable that sets the size cap, in MiB, for every front-end. */
    public static final String MAX_MIB_VARIABLE = "STRATA_CACHE_MAX_MB";

    /** How many segments at most: a run reads the tables of all of them. */
    static final int MAX_SEGMENTS = 64;

    /** A temporary file older than this was left by a writer that died. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    /** What {@code strata cache info} shows. */
    public record Info(Path dir, int segments, long entries, long bytes, long maxBytes, String version, int unusable) {
    }

    /**
     * The size cap {@value #MAX_MIB_VARIABLE} gives, else the default.
     *
     * @throws IllegalArgumentException when it is not a positive whole number of MiB; the message says what to give
     */
    public static long maxBytes(Map<String, String> environment) {
        String mebibytes = environment.get(MAX_MIB_VARIABLE);
        if (mebibytes == null || mebibytes.isBlank()) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long value = Long.parseLong(mebibytes.strip());
            if (value > 0 && value < Long.MAX_VALUE >> 20) {
                return value << 20;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException(MAX_MIB_VARIABLE + "=" + mebibytes
                + ": give the analysis cache's size cap as a whole number of MiB, e.g. 512");
    }

    /**
     * The default folder: {@code STRATA_CACHE_DIR}, else {@code $XDG_CACHE_HOME/strata}, else
     * {@code ~/.cache/strata}.
     *
     * @param environment the environment variables
     * @param home the user's home folder
     */
    public static Path defaultDir(Map<String, String> environment, Path home) {
        String explicit = environment.get("STRATA_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        // The XDG base directory specification: a relative path is invalid and ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "strata");
        }
        return home.resolve(".cache").resolve("strata");
    }

    /** The segment files, most recently used first; none when the folder does not exist. */
    List<Path> segments() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + Segment.SUFFIX)) {
            files.forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the cache folder " + dir, e);
        }
        List<Dated> dated = new ArrayList<>();
        for (Path file : found) {
            lastUse(file).ifPresent(time -> dated.add(new Dated(file, time)));
        }
        // Names begin with the time they were written: of two used at the same time, the newer first.
        dated.sort(Comparator.comparing(Dated::time).thenComparing(d -> d.file().getFileName().toString()).reversed());
        return dated.stream().map(Dated::file).toList();
    }

    private record Dated(Path file, FileTime time) {
    }

    /** Marks a segment as used now (it is evicted last). */
    static void touch(Path segment) {
        try {
            Files.setLastModifiedTime(segment, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // Evicted or removed by another run meanwhile: nothing to mark.
        }
    }

    /**
     * Removes the least recently used segments until the rest fit the size cap and the count, and
     * temporary files that a writer that died left.
     *
     * @return how many segments were removed
     */
    int evict() {
        long total = 0;
        int kept = 0;
        int removed = 0;
        for (Path segment : segments()) {
            long size = sizeOf(segment);
            if (kept < MAX_SEGMENTS && total + size <= maxBytes) {
                total += size;
                kept++;
            } else if (remove(segment)) {
                removed++;
            }
        }
        removeAbandoned();
        return removed;
    }

    /** What the folder holds. */
    public Info info() {
        int segments = 0;
        int unusable = 0;
        long entries = 0;
        long bytes = 0;
        String version = CacheVersion.current();
        for (Path file : segments()) {
            bytes += sizeOf(file);
            try {
                entries += Segment.open(file, version).size();
                segments++;
            } catch (IOException | Segment.Unusable e) {
                unusable++;
            }
        }
        return new Info(dir, segments, entries, bytes, maxBytes, version, unusable);
    }

    /**
     * Removes every segment and temporary file (the folder stays).
     *
     * @return how many bytes were freed
     */
    public long clear() {
        long freed = 0;
        for (Path segment : segments()) {
            long size = sizeOf(segment);
            if (remove(segment)) {
                freed += size;
            }
        }
        Path temporary = dir.resolve("tmp");
        if (Files.isDirectory(temporary)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(temporary)) {
                for (Path file : files) {
                    freed += sizeOf(file);
                    remove(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + temporary, e);
            }
        }
        return freed;
    }

    /** The folder where writers prepare segments before renaming them into place. */
    Path temporaryDir() throws IOException {
        return Files.createDirectories(dir.resolve("tmp"));
    }

    private void removeAbandoned() {
        Path temporary = dir.resolve("tmp");
        if (!Files.isDirectory(temporary)) {
            return;
        }
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temporary)) {
            for (Path file : files) {
                if (lastUse(file).map(time -> time.toInstant().isBefore(before)).orElse(false)) {
                    remove(file);
                }
            }
        } catch (IOException e) {
            // Another run cleaning up at the same time; the next run tries again.
        }
    }

    static boolean remove(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<FileTime> lastUse(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file));
        } catch (IOException e) {
            // Removed by another run meanwhile, or unreadable: not a segment to count.
            return Optional.empty();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
