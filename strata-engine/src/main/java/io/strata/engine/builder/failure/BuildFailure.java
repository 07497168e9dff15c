package io.strata.engine.builder.failure;

/**
 * A build step failed for a reason a person can act on: what failed, and what to do about it.
 * Messages never hold a secret (registry credentials travel only in auth files).
 */
public class BuildFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    /**
     * A failure.
     *
     * @param message what failed
     * @param hint what to do about it (may be empty)
     */
    public BuildFailure(String message, String hint) {
        super(message);
        this.hint = hint == null ? "" : hint;
    }

    /** What to do about it ("" when nothing useful can be said). */
    public String hint() {
        return hint;
    }

    /** "message. Fix: hint". */
    public String describe() {
        return hint.isEmpty() ? getMessage() : getMessage() + ". Fix: " + hint;
    }
}
