package io.strata.engine.ansible;

/**
 * A file's summary of one kind, as cached: by the file's path in a tree, or by its content id
 * across trees.
 *
 * @param file the path or the content id
 * @param kind what the file is read as
 */
record SummaryKey(String file, SummaryKind kind) {

    // A hash key of the analysis: the generated equals and hashCode run through method handles,
    // slow in a short run (docs/benchmarks.md).
    @Override
    public boolean equals(Object object) {
        return object instanceof SummaryKey other && file.equals(other.file) && kind == other.kind;
    }

    @Override
    public int hashCode() {
        return 31 * file.hashCode() + kind.hashCode();
    }
}
