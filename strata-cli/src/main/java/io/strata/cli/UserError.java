package io.strata.cli;

/** A mistake in how the command was called; printed as one line, exit code 2. */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
