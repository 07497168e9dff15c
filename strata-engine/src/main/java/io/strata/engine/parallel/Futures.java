package io.strata.engine.parallel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work started on another thread. */
public final class Futures {

    private Futures() {
    }

    /**
     * The value of a future, waiting for it; the runtime exception it ended with is thrown as it
     * was thrown (a user error stays a user error), not wrapped in a {@link CompletionException}.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
