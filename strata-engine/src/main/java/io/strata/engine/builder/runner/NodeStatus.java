package io.strata.engine.builder.runner;

/** How a node's build ended. */
public enum NodeStatus {
    /** Built and published. */
    BUILT("built"),
    /** Not built: an image with the same input digest was already published (and got the run's tags). */
    REUSED("reused"),
    /** Its build failed; nothing of it was published. */
    FAILED("FAILED"),
    /** Not built because an ancestor failed. */
    SKIPPED("skipped"),
    /** Stopped, or never started, because the build was cancelled. */
    CANCELLED("cancelled");

    private final String label;

    NodeStatus(String label) {
        this.label = label;
    }

    /** The word shown in tables. */
    public String label() {
        return label;
    }

    /** Whether its image exists, so its children can build FROM it. */
    public boolean succeeded() {
        return this == BUILT || this == REUSED;
    }
}
