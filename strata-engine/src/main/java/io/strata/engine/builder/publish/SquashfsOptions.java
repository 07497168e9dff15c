package io.strata.engine.builder.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The squashfs export of built images.
 *
 * @param dir where the files go ({@code <layer>-<type>-<tag>.squashfs})
 * @param compression {@code zstd}, {@code gzip}, {@code xz}, {@code lz4} or {@code lzo}
 * @param level the compression level (zstd 1-22, gzip 1-9, lzo 1-9), or 0 for the compressor's default
 */
public record SquashfsOptions(Path dir, String compression, int level) {

    /** The default compression: zstd at level 3 (fast, and close to the default level 15's size). */
    public static final String DEFAULT_COMPRESSION = "zstd";

    /** The default zstd level. */
    public static final int DEFAULT_LEVEL = 3;

    private static final Map<String, Integer> MAX_LEVEL = Map.of("zstd", 22, "gzip", 9, "lzo", 9, "xz", 0, "lz4", 0);

    /** Checks the compression and its level. */
    public SquashfsOptions {
        if (!MAX_LEVEL.containsKey(compression)) {
            throw new IllegalArgumentException("unknown squashfs compression '" + compression + "': use zstd, gzip, xz, lz4 or lzo");
        }
        int max = MAX_LEVEL.get(compression);
        if (level < 0 || level > max) {
            throw new IllegalArgumentException(max == 0 ? compression + " takes no compression level"
                    : compression + " levels go from 1 to " + max);
        }
    }

    /** Parses {@code zstd}, {@code zstd:3}, {@code xz}: the compression and an optional level. */
    public static SquashfsOptions parse(Path dir, String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            String compression = text.strip();
            return new SquashfsOptions(dir, compression, compression.equals(DEFAULT_COMPRESSION) ? DEFAULT_LEVEL : 0);
        }
        try {
            return new SquashfsOptions(dir, text.substring(0, colon).strip(), Integer.parseInt(text.substring(colon + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': write the compression and a number, e.g. zstd:3");
        }
    }

    /** The mksquashfs arguments of the compression. */
    public List<String> compressionArgs() {
        List<String> args = new ArrayList<>(List.of("-comp", compression));
        if (level > 0) {
            args.add("-Xcompression-level");
            args.add(Integer.toString(level));
        }
        return args;
    }

    /** The mksquashfs command that packs a root folder into a file (ownership and modes kept). */
    public List<String> command(Path root, Path output) {
        List<String> argv = new ArrayList<>(List.of("mksquashfs", root.toString(), output.toString()));
        argv.addAll(compressionArgs());
        argv.addAll(List.of("-noappend", "-no-progress", "-quiet"));
        return argv;
    }
}
