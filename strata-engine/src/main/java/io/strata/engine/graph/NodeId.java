package io.strata.engine.graph;

/** A node of the layer graph: one (layer, image type) pair, written {@code layer/type}. */
public record NodeId(String layer, String type) implements Comparable<NodeId> {

    /** Parses {@code layer/type}. */
    public static NodeId parse(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a node: write layer/type, e.g. slurm/compute");
        }
        return new NodeId(text.substring(0, slash), text.substring(slash + 1));
    }

    /** By layer, then by image type. */
    @Override
    public int compareTo(NodeId other) {
        int byLayer = layer.compareTo(other.layer);
        return byLayer != 0 ? byLayer : type.compareTo(other.type);
    }

    @Override
    public String toString() {
        return layer + "/" + type;
    }

    // A hash key of the analysis: the generated equals and hashCode run through method handles,
    // slow in a short run (docs/benchmarks.md).
    @Override
    public boolean equals(Object object) {
        return object instanceof NodeId other && layer.equals(other.layer) && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return 31 * layer.hashCode() + type.hashCode();
    }
}
