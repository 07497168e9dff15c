package io.strata.engine.builder.process;

/** The build was cancelled (Ctrl-C, SIGTERM, or a caller's request) while a command ran or was about to. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception saying what was interrupted. */
    public CancelledException(String what) {
        super("cancelled: " + what);
    }
}
