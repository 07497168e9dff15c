package io.strata.engine.config;

/** A place in a file: 1-based line and column (0 when unknown). */
public record SourceLocation(String file, int line, int column) {

    /** A location that names only the file. */
    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
